import { describe, expect, it } from 'vitest';
import type { HotspotEvidence } from '../../src/domain/dataset';
import { buildReport, shortDocumentTitle } from '../../src/domain/report';
import { makeDataset, makeOrganisation } from './fixtures/dataset-fixture';
import { makeGazetteer } from './fixtures/gazetteer-fixture';

const gazetteer = makeGazetteer();

const saturation: HotspotEvidence = {
  municipalityId: 'AL212',
  level: 0,
  kind: 'saturation-noted',
  document: 'fixture',
  location: 'Footnote 1',
  quote: 'too many organisations',
  note: '',
};

/** The fixture dataset plus a third and fourth organisation doing awareness in Cërrik. */
function crowdedDataset() {
  const base = makeDataset();
  return {
    ...base,
    documents: [
      {
        id: 'fixture',
        title: 'Fixture Report (author A. Person; a project)',
        publisher: 'tests',
        year: '2026',
        file: 'none',
      },
    ],
    organisations: [
      ...base.organisations,
      makeOrganisation({
        id: 'cerrik-three',
        municipalityIds: ['AL212'],
        activityTypes: ['awareness'],
      }),
      makeOrganisation({
        id: 'cerrik-four',
        municipalityIds: ['AL212', 'AL345'],
        activityTypes: ['awareness', 'training'],
        focusTypes: ['prevention', 'rehabilitation'],
      }),
    ],
    hotspotEvidence: [...base.hotspotEvidence, saturation],
  };
}

describe('buildReport: municipalities', () => {
  const report = buildReport(makeDataset(), gazetteer);
  const byName = (name: string) => report.municipalities.find((m) => m.name === name);

  it('keeps the municipalities sorted by id, with their existing counts', () => {
    expect(report.municipalities.map((m) => m.id)).toEqual(
      gazetteer.municipalities.map((m) => m.id).sort(),
    );
    expect(byName('Cërrik')).toMatchObject({
      county: 'Elbasan',
      hotspot: true,
      hotspotLevel: 3,
      organisations: 2,
      countyWideOrganisations: 1,
    });
  });

  it('marks the runs of municipalities that rank equal, and only those', () => {
    // In the fixture, every municipality nobody names and no document calls a hotspot scores 0.25.
    const tied = report.municipalities.filter((m) => m.gapTie !== null);
    for (const entry of tied) {
      const span = entry.gapTie as { first: number; last: number };
      const run = report.municipalities.filter(
        (m) => m.gapRank >= span.first && m.gapRank <= span.last,
      );
      expect(run.map((m) => m.gapTie)).toEqual(run.map(() => span));
      expect(
        new Set(run.map((m) => `${m.gapScore}/${m.hotspotLevel}/${m.organisations}`)).size,
      ).toBe(1);
    }
    expect(byName('Klos')?.gapScore).toBe(0.25);
    expect(byName('Klos')?.gapTie).not.toBeNull();
    expect(byName('Prrenjas')?.gapTie).toBeNull();
  });

  it('gives every municipality its gap inputs, score and a rank of its own', () => {
    expect(report.nationwideWeight).toBe(0);
    expect(report.municipalities.map((m) => m.gapRank).sort((a, b) => a - b)).toEqual(
      gazetteer.municipalities.map((_, index) => index + 1),
    );
    // Prrenjas: a priority hotspot nobody names, one organisation naming Elbasan county.
    expect(byName('Prrenjas')).toMatchObject({
      gapRank: 1,
      gapScore: 0.779,
      need: 1,
      presence: 0.5,
      localOrganisations: [],
      nationwideOrganisations: ['national-donor'],
      missingActivityTypes: ['awareness', 'training'],
    });
    expect(byName('Cërrik')).toMatchObject({
      presence: 2.5,
      localOrganisations: ['cerrik-one', 'cerrik-two'],
      missingActivityTypes: [],
    });
    const ranked = [...report.municipalities].sort((a, b) => a.gapRank - b.gapRank);
    ranked.slice(1).forEach((entry, index) => {
      expect(entry.gapScore).toBeLessThanOrEqual(ranked[index]?.gapScore ?? Infinity);
    });
  });

  it('says why in one sentence, naming the evidence by the short document title', () => {
    const report = buildReport(crowdedDataset(), gazetteer);
    const prrenjas = report.municipalities.find((m) => m.name === 'Prrenjas');
    expect(prrenjas?.why).toBe(
      'Prrenjas: priority hotspot (priority: Fixture Report, x), 0 local organisations, ' +
        '1 naming its county, 1 nationwide (not counted); 2 of 3 activity types missing. Gap 0.78.',
    );
  });

  it('counts nationwide organisations at the weight asked for, and says so', () => {
    const weighted = buildReport(makeDataset(), gazetteer, { nationwideWeight: 0.5 });
    expect(weighted.nationwideWeight).toBe(0.5);
    for (const entry of weighted.municipalities) {
      const unweighted = byName(entry.name);
      expect(entry.presence).toBeCloseTo((unweighted?.presence ?? 0) + 0.5);
      expect(entry.gapScore).toBeLessThan(unweighted?.gapScore ?? 0);
      expect(entry.why).toContain('1 nationwide at 0.5 each');
    }
    expect(buildReport(makeDataset(), gazetteer, { nationwideWeight: 7 }).nationwideWeight).toBe(1);
  });
});

describe('buildReport: counties', () => {
  const report = buildReport(makeDataset(), gazetteer);

  it('lists every county once, by id, with its gap, rank and highest hotspot level', () => {
    expect(report.counties.map((c) => c.id)).toEqual(gazetteer.counties.map((c) => c.id).sort());
    expect(report.counties.map((c) => c.gapRank).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(report.counties.find((c) => c.name === 'Elbasan')).toMatchObject({
      hotspotLevel: 3,
    });
    const first = report.counties.find((c) => c.gapRank === 1);
    expect(first?.gapScore).toBe(Math.max(...report.counties.map((c) => c.gapScore)));
  });
});

describe('buildReport: overlaps', () => {
  it('has no overlap where no two organisations share an activity type in one place', () => {
    expect(buildReport(makeDataset(), gazetteer).overlaps).toEqual([]);
  });

  it('lists crowded cells most crowded first, with the context the documents give', () => {
    const { overlaps } = buildReport(crowdedDataset(), gazetteer);
    expect(overlaps).toEqual([
      {
        municipalityId: 'AL212',
        municipality: 'Cërrik',
        activityType: 'awareness',
        organisations: ['cerrik-one', 'cerrik-three', 'cerrik-four'],
        count: 3,
        sharedFocusTypes: ['prevention'],
        context: [{ document: 'fixture', location: 'Footnote 1', quote: 'too many organisations' }],
      },
      expect.objectContaining({
        municipalityId: 'AL212',
        activityType: 'training',
        organisations: ['cerrik-two', 'cerrik-four'],
        count: 2,
      }),
      expect.objectContaining({
        municipalityId: 'AL345',
        municipality: 'Pogradec',
        activityType: 'awareness',
        count: 2,
        context: [],
      }),
    ]);
  });
});

describe('shortDocumentTitle', () => {
  it('drops the bracketed credits after the title', () => {
    const document = {
      id: 'd',
      title: 'A Title: Sub (credits)',
      publisher: '',
      year: '',
      file: '',
    };
    expect(shortDocumentTitle(document)).toBe('A Title: Sub');
    expect(shortDocumentTitle({ ...document, title: '(Odd) title' })).toBe('(Odd) title');
  });
});
