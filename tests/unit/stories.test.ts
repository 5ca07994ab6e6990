import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import { coverageByMunicipality, rankGaps } from '../../src/domain/coverage';
import { parseDataset } from '../../src/domain/parse-dataset';
import { defaultStory, WHOLE_COUNTRY, withView, type Story } from '../../src/domain/stories';
import { readDataFiles } from '../../src/io/node-files';
import { decodeStory, encodeStory, storyWords } from '../../src/io/story-link';
import {
  loadStoredStories,
  saveStoredStories,
  storyStorageKey,
  type StoryStorage,
} from '../../src/io/story-storage';
import { knownIdsOf, parseUrlState, serializeUrlState } from '../../src/io/url-state';

const root = new URL('../../', import.meta.url).pathname;
const gazetteer = checkGazetteer(readFileSync(`${root}geo/gazetteer.json`, 'utf8')).gazetteer;
if (!gazetteer) throw new Error('geo/gazetteer.json does not load');
const { dataset } = parseDataset(readDataFiles(root), gazetteer);
const known = knownIdsOf(gazetteer, dataset);
const nameOf = (id: string) =>
  gazetteer.municipalities.find((m) => m.id === id)?.name ??
  gazetteer.counties.find((c) => c.id === id)?.name ??
  id;

describe('defaultStory on the committed data', () => {
  const story = defaultStory(dataset, gazetteer, storyWords('en'));

  it('has four views: hotspots, the largest gap, who works where, overlaps', () => {
    expect(story.views).toHaveLength(4);
    expect(story.views.map((view) => view.state.tab)).toEqual(['gaps', 'area', 'area', 'overlap']);
    expect(story.views[0]?.state.filters.hotspotsOnly).toBe(true);
    expect(story.views[0]?.state.selection).toBeNull();
    expect(story.views[2]?.state.selection?.kind).toBe('county');
    expect(story.views[2]?.state.countyMeasure).toEqual({ kind: 'organisations' });
  });

  it('selects the top-ranked municipality and names it, its gap and its local presence', () => {
    const coverage = coverageByMunicipality(dataset, gazetteer, dataset.organisations, {
      nationwideWeight: 0,
    });
    const top = rankGaps(coverage, nameOf)[0];
    if (!top) throw new Error('no ranking');
    const view = story.views[1];
    expect(view?.state.selection).toEqual({ kind: 'municipality', id: top.id });
    expect(view?.title).toBe(`Where the gaps are: ${nameOf(top.id)}`);
    expect(view?.note).toContain(`${nameOf(top.id)}: gap ${top.gapScore.toFixed(2)}`);
    if (top.counts.local === 0) expect(view?.note).toContain('nobody local');
  });

  it('gives every view a state a link reproduces exactly, naming only known ids', () => {
    for (const view of story.views) {
      const parsed = parseUrlState(serializeUrlState(view.state), known);
      expect(parsed.problems).toEqual([]);
      expect(parsed.state).toEqual(view.state);
      expect(view.title).not.toBe('');
      expect(view.note).not.toBe('');
    }
  });

  it('titles views with names from the data, not ids', () => {
    const overlap = story.views[3];
    const id = overlap?.state.selection?.id ?? '';
    expect(overlap?.title).toBe(`Overlaps: ${nameOf(id)}`);
    expect(story.views[2]?.title).toContain(nameOf(story.views[2]?.state.selection?.id ?? ''));
    expect(story.views.every((view) => !/AL\d/.test(view.title + view.note))).toBe(true);
  });

  it('says so when the data has no hotspots, gaps to rank or overlaps', () => {
    const empty = defaultStory(
      { ...dataset, organisations: [], hotspotEvidence: [] },
      { ...gazetteer, municipalities: [] },
      storyWords('en'),
    );
    expect(empty.views).toHaveLength(4);
    expect(empty.views[0]?.note).toBe('No document names a municipality as a hotspot.');
    expect(empty.views[1]?.state).toEqual(WHOLE_COUNTRY);
    expect(empty.views[3]?.note).toContain('No two organisations');
  });
});

describe('story links', () => {
  const story = defaultStory(dataset, gazetteer, storyWords('en'));

  it('round-trips through a URL-safe token', () => {
    const token = encodeStory(story);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(decodeStory(token, known)).toEqual({ ok: true, story, problems: [] });
  });

  it('keeps Albanian letters in titles and notes', () => {
    const own: Story = {
      id: 'mine',
      title: 'Qarku i Kukësit, çështje',
      views: [{ title: 'Gjirokastër', note: 'Ë ç ë', state: WHOLE_COUNTRY }],
    };
    const decoded = decodeStory(encodeStory(own), known);
    expect(decoded).toEqual({ ok: true, story: own, problems: [] });
  });

  it('gives a clear message, never a throw, for a damaged link', () => {
    const token = encodeStory(story);
    const bad = [
      '',
      'not a story!',
      token.slice(0, 40),
      btoa('{"a":1}'),
      btoa('[2,"x","y",[]]'),
      'x'.repeat(70_000),
    ];
    for (const text of bad) {
      const decoded = decodeStory(text, known);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.message).toMatch(/story link is damaged/);
    }
  });

  it('drops ids the data does not know, and says which view named them', () => {
    const own = withView(
      null,
      {
        title: 'Nowhere',
        note: '',
        state: { ...WHOLE_COUNTRY, selection: { kind: 'municipality', id: 'AL999' } },
      },
      'mine',
      'My story',
    );
    const decoded = decodeStory(encodeStory(own), known);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.story.views[0]?.state.selection).toBeNull();
    expect(decoded.problems).toEqual([
      'View 1: The link selects "m:AL999", which is not in the data.',
    ]);
  });
});

class MemoryStorage implements StoryStorage {
  readonly items = new Map<string, string>();
  failSet: Error | null = null;
  failGet: Error | null = null;
  getItem(key: string) {
    if (this.failGet) throw this.failGet;
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failSet) throw this.failSet;
    this.items.set(key, value);
  }
}

describe('story storage', () => {
  const key = storyStorageKey('AL');
  const own = withView(
    null,
    { title: 'Cërrik', note: '', state: { ...WHOLE_COUNTRY, tab: 'overlap' } },
    'mine',
    'My story',
  );

  it('keeps stories per country pack and reads them back', () => {
    expect(key).toBe('harta.stories.v1.AL');
    const storage = new MemoryStorage();
    expect(saveStoredStories(storage, key, [own])).toEqual({ ok: true });
    expect(loadStoredStories(storage, key, known)).toEqual({ stories: [own], problems: [] });
  });

  it('gives no stories and no problems when nothing is stored or storage is missing', () => {
    expect(loadStoredStories(new MemoryStorage(), key, known)).toEqual({
      stories: [],
      problems: [],
    });
    expect(loadStoredStories(null, key, known)).toEqual({ stories: [], problems: [] });
  });

  it('reports a damaged value, and skips only the damaged story', () => {
    const storage = new MemoryStorage();
    storage.items.set(key, '{not json');
    const broken = loadStoredStories(storage, key, known);
    expect(broken.stories).toEqual([]);
    expect(broken.problems[0]).toContain(`browser storage (${key})`);

    storage.items.set(key, JSON.stringify({ version: 1, stories: ['garbage', encodeStory(own)] }));
    const partly = loadStoredStories(storage, key, known);
    expect(partly.stories).toEqual([own]);
    expect(partly.problems).toHaveLength(1);
    expect(partly.problems[0]).toContain('story 1');
  });

  it('never throws when the browser refuses', () => {
    const storage = new MemoryStorage();
    storage.failGet = new Error('SecurityError');
    expect(loadStoredStories(storage, key, known).problems[0]).toContain('cannot be read');

    storage.failSet = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    const full = saveStoredStories(storage, key, [own]);
    expect(full.ok).toBe(false);
    if (!full.ok) expect(full.message).toContain('storage for this page is full');

    const none = saveStoredStories(null, key, [own]);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.message).toContain('does not let the page keep data');
  });
});

describe('stories in Albanian', () => {
  it('builds the default story in Albanian, with the same views', () => {
    const english = defaultStory(dataset, gazetteer, storyWords('en'));
    const albanian = defaultStory(dataset, gazetteer, storyWords('sq'));
    expect(albanian.views.map((view) => view.state)).toEqual(
      english.views.map((view) => view.state),
    );
    expect(albanian.title).toBe('Shqipëri: një vështrim i përgjithshëm');
    expect(albanian.views[0]?.title).toMatch(/^Zonat e nxehta: \d+ bashki/);
    expect(albanian.views[1]?.title).toMatch(/^Ku janë boshllëqet: /);
    expect(albanian.views[1]?.note).toMatch(/: boshllëk \d+,\d\d, /);
    expect(albanian.views[2]?.title).toMatch(/^Kush punon ku: /);
    expect(albanian.views[3]?.title).toMatch(/^Mbivendosjet: /);
  });

  it('says link and storage problems in Albanian', () => {
    const decoded = decodeStory('not a story!', known, 'sq');
    expect(decoded).toEqual({
      ok: false,
      message:
        'Kjo lidhje historie është e dëmtuar ose e paplotë, prandaj historia nuk mund të shfaqet.',
    });
    const storage = new MemoryStorage();
    const key = storyStorageKey('AL');
    storage.items.set(key, '{not json');
    expect(loadStoredStories(storage, key, known, 'sq').problems[0]).toBe(
      `hapësira e ruajtjes së shfletuesit (${key}) nuk i mban historitë e ruajtura në një formë që ky version mund ta lexojë.`,
    );
    const none = saveStoredStories(null, key, [], 'sq');
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.message).toMatch(/^Ky shfletues nuk e lejon faqen/);
  });
});
