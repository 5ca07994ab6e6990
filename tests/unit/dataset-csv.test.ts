import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import {
  documentCsvRecord,
  organisationCsvRecord,
  upsertCsvRows,
} from '../../src/domain/dataset-csv';
import { parseDataset } from '../../src/domain/parse-dataset';
import { readDataFiles } from '../../src/io/node-files';

// The REAL data/ and gazetteer: what parseDataset reads, the serialiser writes back unchanged.

const root = new URL('../../', import.meta.url).pathname;
const checked = checkGazetteer(readFileSync(`${root}geo/gazetteer.json`, 'utf8'));
if (!checked.gazetteer) throw new Error('geo/gazetteer.json does not load');
const gazetteer = checked.gazetteer;
const files = readDataFiles(root);
const { dataset } = parseDataset(files, gazetteer);

describe('dataset-csv', () => {
  it('writes every organisation and document back exactly as data/ holds it', () => {
    const organisations = dataset.organisations.map((o) => organisationCsvRecord(o, gazetteer));
    expect(upsertCsvRows(files.organisations, organisations)).toBe(files.organisations);
    const documents = dataset.documents.map(documentCsvRecord);
    expect(upsertCsvRows(files.documents, documents)).toBe(files.documents);
  });

  it('replaces a row by id in place and appends a new id, leaving the other rows alone', () => {
    const [first, second] = dataset.organisations;
    if (!first || !second) throw new Error('no organisations');
    const changed = { ...second, municipalityIds: [...second.municipalityIds, 'AL212'] };
    const added = {
      ...first,
      id: 'new-one',
      name: 'New, "quoted" one',
      acronym: null,
      source: { document: first.source.document, row: null },
    };
    const text = upsertCsvRows(files.organisations, [
      organisationCsvRecord(changed, gazetteer),
      organisationCsvRecord(added, gazetteer),
    ]);
    const before = files.organisations.trimEnd().split('\n');
    const after = text.trimEnd().split('\n');
    expect(after).toHaveLength(before.length + 1);
    expect(after.filter((line, index) => line !== before[index])).toHaveLength(2);
    const reread = parseDataset({ ...files, organisations: text }, gazetteer);
    expect(reread.problems).toEqual([]);
    expect(reread.dataset.organisations.find((o) => o.id === second.id)).toEqual(changed);
    expect(reread.dataset.organisations.at(-1)).toEqual(added);
  });
});
