import {
  coverageByCounty,
  coverageByMunicipality,
  DEFAULT_NATIONWIDE_WEIGHT,
  NO_FILTERS,
  rankGaps,
} from './coverage';
import { hotspotLevels, taxonomyLabel, type Dataset } from './dataset';
import type { Gazetteer } from './gazetteer-schema';
import { findOverlaps, overlapMatrix } from './overlap';
import type { RestorableState } from './view-state';

/**
 * Stories: ordered saved views a presenter steps through at a round table. A view is exactly
 * what a link carries (`RestorableState`), with a title and a one-line note for the audience.
 */

export interface StoryView {
  title: string;
  note: string;
  state: RestorableState;
}

export interface Story {
  id: string;
  title: string;
  views: StoryView[];
}

/** The id of the story built from the data; user stories never take it. */
export const DEFAULT_STORY_ID = 'default';

/** The whole country, nothing filtered or selected, the Gaps panel open. */
export const WHOLE_COUNTRY: RestorableState = {
  filters: NO_FILTERS,
  selection: null,
  tab: 'gaps',
  nationwideWeight: DEFAULT_NATIONWIDE_WEIGHT,
  countyMeasure: { kind: 'organisations' },
  mapView: null,
  compare: [null, null],
};

/**
 * The default story's words, in the interface's language (built from the message tables
 * outside the domain). `lang` picks taxonomy labels; numbers arrive raw, formatted by `number`.
 */
export interface StoryWords {
  lang: string;
  number: (value: number, digits?: number) => string;
  title: (country: { name: string; nameLocal: string }) => string;
  hotspotsTitle: (count: number, formatted: string) => string;
  hotspotsNone: string;
  hotspotsNote: (strongest: readonly string[]) => string;
  gapsTitle: string;
  gapsTitleAt: (municipality: string) => string;
  gapsNone: string;
  gapsNote: (
    municipality: string,
    gapScore: string,
    local: number,
    localFormatted: string,
  ) => string;
  whoTitle: string;
  whoTitleAt: (county: string) => string;
  whoNone: string;
  whoNote: (county: string, count: number, formatted: string) => string;
  overlapsTitle: string;
  overlapsTitleAt: (municipality: string) => string;
  overlapsNone: string;
  overlapsNote: (
    municipality: string,
    count: number,
    formatted: string,
    activity: string,
  ) => string;
}

/**
 * The story the app offers before anyone saves one, computed from the data (so it follows the
 * dataset as it changes): the hotspots, the most underserved municipality, the county where
 * most organisations work, and the most crowded municipality × activity type.
 *
 * @example defaultStory(dataset, gazetteer, words).views.map((view) => view.state.tab)
 *   // ['gaps', 'area', 'area', 'overlap']
 */
export function defaultStory(dataset: Dataset, gazetteer: Gazetteer, words: StoryWords): Story {
  const municipalityName = new Map(gazetteer.municipalities.map((m) => [m.id, m.name]));
  const countyName = new Map(gazetteer.counties.map((c) => [c.id, c.name]));
  const nameOf = (id: string) => municipalityName.get(id) ?? countyName.get(id) ?? id;
  const organisations = dataset.organisations;
  const coverage = coverageByMunicipality(dataset, gazetteer, organisations, {
    nationwideWeight: DEFAULT_NATIONWIDE_WEIGHT,
  });

  // 1. The hotspots, strongest evidence first.
  const levels = hotspotLevels(dataset.hotspotEvidence);
  const hotspots = gazetteer.municipalities
    .filter((m) => (levels.get(m.id) ?? 0) >= 1)
    .sort((a, b) => (levels.get(b.id) ?? 0) - (levels.get(a.id) ?? 0));
  const strongest = hotspots.slice(0, 3).map((m) => m.name);
  const hotspotsView: StoryView = {
    title: words.hotspotsTitle(hotspots.length, words.number(hotspots.length)),
    note: hotspots.length === 0 ? words.hotspotsNone : words.hotspotsNote(strongest),
    state: { ...WHOLE_COUNTRY, filters: { ...NO_FILTERS, hotspotsOnly: true } },
  };

  // 2. Where the gaps are: the most underserved municipality.
  const top = rankGaps(coverage, nameOf)[0];
  const gapView: StoryView =
    top === undefined
      ? { title: words.gapsTitle, note: words.gapsNone, state: WHOLE_COUNTRY }
      : {
          title: words.gapsTitleAt(nameOf(top.id)),
          note: words.gapsNote(
            nameOf(top.id),
            words.number(top.gapScore, 2),
            top.counts.local,
            words.number(top.counts.local),
          ),
          state: { ...WHOLE_COUNTRY, selection: { kind: 'municipality', id: top.id }, tab: 'area' },
        };

  // 3. Who works where: the county shading by organisations, the busiest county open.
  const busiest = [...coverageByCounty(dataset, gazetteer, organisations).values()].sort(
    (a, b) => b.implementers - a.implementers || nameOf(a.id).localeCompare(nameOf(b.id), 'sq'),
  )[0];
  const whoView: StoryView =
    busiest === undefined
      ? { title: words.whoTitle, note: words.whoNone, state: WHOLE_COUNTRY }
      : {
          title: words.whoTitleAt(nameOf(busiest.id)),
          note: words.whoNote(
            nameOf(busiest.id),
            busiest.implementers,
            words.number(busiest.implementers),
          ),
          state: {
            ...WHOLE_COUNTRY,
            selection: { kind: 'county', id: busiest.id },
            tab: 'area',
            countyMeasure: { kind: 'organisations' },
          },
        };

  // 4. Overlaps: the most crowded municipality × activity type.
  const crowded = findOverlaps(
    overlapMatrix(dataset, coverage, organisations),
    dataset,
    organisations,
  )[0];
  const activityLabel = (id: string) => {
    const entry = dataset.activityTypes.find((type) => type.id === id);
    return entry ? taxonomyLabel(entry, words.lang) : id;
  };
  const overlapView: StoryView =
    crowded === undefined
      ? {
          title: words.overlapsTitle,
          note: words.overlapsNone,
          state: { ...WHOLE_COUNTRY, tab: 'overlap' },
        }
      : {
          title: words.overlapsTitleAt(nameOf(crowded.municipalityId)),
          note: words.overlapsNote(
            nameOf(crowded.municipalityId),
            crowded.count,
            words.number(crowded.count),
            activityLabel(crowded.activityType),
          ),
          state: {
            ...WHOLE_COUNTRY,
            selection: { kind: 'municipality', id: crowded.municipalityId },
            tab: 'overlap',
          },
        };

  return {
    id: DEFAULT_STORY_ID,
    title: words.title(gazetteer.country),
    views: [hotspotsView, gapView, whoView, overlapView],
  };
}

/** A story with `view` added at the end (a new story called `title` when there is none). */
export function withView(
  story: Story | null,
  view: StoryView,
  newId: string,
  title: string,
): Story {
  return story === null
    ? { id: newId, title, views: [view] }
    : { ...story, views: [...story.views, view] };
}
