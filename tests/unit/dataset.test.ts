import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOrganisationsCsv } from '../../data/build-data-lib';
import { readDataBuildInput } from '../../data/build-data';
import { parseAnnexI, splitAcronym } from '../../src/domain/annex-i';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import { checkHotspotQuotes } from '../../src/domain/check-provenance';
import { hotspotLevels } from '../../src/domain/dataset';
import { formatProblem, parseDataset } from '../../src/domain/parse-dataset';
import { readDataFiles } from '../../src/io/node-files';

const root = new URL('../../', import.meta.url).pathname;
const gazetteer = checkGazetteer(readFileSync(`${root}geo/gazetteer.json`, 'utf8')).gazetteer;
if (!gazetteer) throw new Error('geo/gazetteer.json does not load');
const files = readDataFiles(root);

describe('the committed dataset', () => {
  const { dataset, problems } = parseDataset(files, gazetteer);

  it('loads without a single problem', () => {
    expect(problems.map((problem) => formatProblem(problem))).toEqual([]);
  });

  it('is exactly what `npm run data:build` makes from the report and the curation log', () => {
    const built = buildOrganisationsCsv(readDataBuildInput(root));
    expect(built).toBe(files.organisations);
  });

  it('has all 55 organisations of Annex I, each traced to its row, with verbatim text', () => {
    const annex = parseAnnexI(readFileSync(`${root}data/sources/000_61f3ef4351b68807.txt`, 'utf8'));
    expect(dataset.organisations).toHaveLength(55);
    for (const row of annex) {
      const organisation = dataset.organisations.find((o) => o.source.row === row.row);
      expect(organisation?.source.document).toBe('000_61f3ef4351b68807');
      expect(organisation?.theme).toBe(row.theme);
      expect(organisation?.geographicFocus).toBe(row.geographicFocus);
      expect(organisation?.focusOfActivities).toBe(row.focusOfActivities);
      expect(organisation?.websiteRaw).toBe(row.website);
      expect(organisation?.name).toBe(splitAcronym(row.name).name);
    }
  });

  it('gives every organisation at least one activity type and one focus type', () => {
    for (const organisation of dataset.organisations) {
      expect(organisation.activityTypes.length, organisation.name).toBeGreaterThan(0);
      expect(organisation.focusTypes.length, organisation.name).toBeGreaterThan(0);
    }
  });

  it('marks the municipalities the documents treat as hotspots, with quotes found verbatim', () => {
    const documents = new Map(
      dataset.documents.map((d) => [d.id, readFileSync(`${root}${d.file}`, 'utf8')]),
    );
    expect(checkHotspotQuotes(files.hotspots, documents)).toEqual([]);
    const levels = hotspotLevels(dataset.hotspotEvidence);
    const name = (id: string) => gazetteer.municipalities.find((m) => m.id === id)?.name;
    const hotspots = [...levels].filter(([, level]) => level >= 1).map(([id]) => name(id));
    for (const expected of ['Cërrik', 'Bulqizë', 'Pogradec', 'Kukës', 'Tiranë', 'Kamëz']) {
      expect(hotspots).toContain(expected);
    }
    expect(levels.get('AL212')).toBe(3); // Cërrik: priority for intervention
    expect(levels.get('AL111')).toBe(3); // Bulqizë
  });
});

describe('parseDataset on bad input', () => {
  const withOrganisations = (csv: string) =>
    parseDataset({ ...files, organisations: csv }, gazetteer);
  const header = files.organisations.split('\n')[0] ?? '';
  const goodRow = files.organisations.split('\n')[2] ?? '';

  it('reports a duplicate id with both lines and keeps the first row', () => {
    const { dataset, problems } = withOrganisations([header, goodRow, goodRow].join('\n'));
    expect(problems.map((problem) => formatProblem(problem))).toEqual([
      'data/organisations.csv:3: id: duplicate id "center-for-youth-progress" (first on line 2)',
    ]);
    expect(dataset.organisations).toHaveLength(1);
  });

  it('names file, line and field of an unknown place, suggests the spelling, keeps good rows', () => {
    const misspelt = goodRow
      .replace('center-for-youth-progress', 'another-id')
      .replace(',2,', ',99,')
      .replace(',Kukës,', ',Kukes,');
    const { dataset, problems } = withOrganisations([header, goodRow, misspelt].join('\n'));
    expect(problems.map((p) => formatProblem(p))).toEqual([
      'data/organisations.csv:3: municipalities: unknown municipality "Kukes": write it as "Kukës"',
    ]);
    expect(dataset.organisations.map((o) => o.id)).toEqual(['center-for-youth-progress']);
  });

  it('reports a missing column on line 1 instead of crashing', () => {
    const { dataset, problems } = withOrganisations('id,name\nx,y\n');
    expect(problems[0]).toMatchObject({ file: 'organisations.csv', line: 1 });
    expect(problems[0]?.message).toMatch(/missing column\(s\): source_document/);
    expect(dataset.organisations).toEqual([]);
  });

  it('refuses an unknown scope, quoting what was there', () => {
    const { problems } = withOrganisations(
      [header, goodRow.replace(',local,', ',everywhere,')].join('\n'),
    );
    expect(problems.map((p) => formatProblem(p))).toEqual([
      'data/organisations.csv:2: scope: must be "national" or "local" (was "everywhere")',
    ]);
  });

  it('refuses a javascript: website', () => {
    const hostile = goodRow.replace('http://cyp.al/', 'javascript:alert(1)');
    const { problems } = withOrganisations([header, hostile].join('\n'));
    expect(problems.map((p) => formatProblem(p))).toEqual([
      'data/organisations.csv:2: website: only http and https links are allowed, not "javascript:alert(1)"',
    ]);
  });

  it('survives empty, binary and unclosed-quote files', () => {
    for (const text of ['', '\u0000\u0001\u0002PK\u0003\u0004', 'id,name\n"open']) {
      const { problems } = withOrganisations(text);
      expect(problems.length, JSON.stringify(text)).toBeGreaterThan(0);
      expect(problems[0]?.file).toBe('organisations.csv');
    }
  });
});
