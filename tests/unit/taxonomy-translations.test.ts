import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import { taxonomyDefinition, taxonomyLabel } from '../../src/domain/dataset';
import { previewImport } from '../../src/domain/import-3w';
import { formatProblem, parseDataset } from '../../src/domain/parse-dataset';
import { readDataFiles } from '../../src/io/node-files';
import { englishWordsIn } from '../support/english-text';

const root = new URL('../../', import.meta.url).pathname;
const gazetteer = checkGazetteer(readFileSync(`${root}geo/gazetteer.json`, 'utf8')).gazetteer;
if (!gazetteer) throw new Error('geo/gazetteer.json does not load');
const files = readDataFiles(root);

describe('taxonomy labels in other languages', () => {
  const { dataset, problems } = parseDataset(files, gazetteer);
  const tables = [dataset.activityTypes, dataset.focusTypes, dataset.organisationKinds];

  it('reads label_sq and definition_sq without a warning', () => {
    expect(problems.map((problem) => formatProblem(problem))).toEqual([]);
  });

  it('gives every activity type, focus type and kind an Albanian label and definition', () => {
    for (const entry of tables.flat()) {
      const label = taxonomyLabel(entry, 'sq');
      const definition = taxonomyDefinition(entry, 'sq');
      expect(label, entry.id).not.toBe(entry.label);
      expect(definition, entry.id).not.toBe(entry.definition);
      expect(englishWordsIn(`${label} ${definition}`), entry.id).toEqual([]);
    }
    const awareness = dataset.activityTypes.find((entry) => entry.id === 'awareness');
    expect(awareness && taxonomyLabel(awareness, 'sq')).toBe(
      'Sesione ndërgjegjësimi dhe informimi',
    );
  });

  it('falls back to the table’s own label for a language it does not have', () => {
    const [first] = dataset.activityTypes;
    expect(first && taxonomyLabel(first, 'en')).toBe(first?.label);
    expect(first && taxonomyLabel(first, 'mk')).toBe(first?.label);
  });

  it('still warns about a column it does not know, naming the file, line and column', () => {
    const withTypo = files.focusTypes.replace('label_sq', 'lable_sq');
    const { problems: warned, dataset: parsed } = parseDataset(
      { ...files, focusTypes: withTypo },
      gazetteer,
    );
    expect(warned.map((problem) => formatProblem(problem))).toEqual([
      'data/focus-types.csv:1: warning: lable_sq: unknown column "lable_sq" is ignored',
    ]);
    // The misspelled column is ignored, the definitions are still read.
    const prevention = parsed.focusTypes.find((entry) => entry.id === 'prevention');
    expect(prevention && taxonomyLabel(prevention, 'sq')).toBe('Prevention programming');
    expect(prevention && taxonomyDefinition(prevention, 'sq')).toMatch(/^Programe që parandalojnë/);
  });
});

describe('a partner sheet written in Albanian', () => {
  const { dataset } = parseDataset(files, gazetteer);

  it('has its activity types read from their Albanian labels, with or without diacritics', () => {
    // SYNTHETIC partners.
    const sheet = [
      'Organizata;Lloji;Aktiviteti;Bashkia',
      'Qendra Provë;CSO;Trajnime dhe ngritje kapacitetesh;Cërrik',
      'Shoqata Provë;CSO;kerkime dhe botime;Kukës',
    ].join('\n');
    const preview = previewImport('partneri.csv', sheet, { gazetteer, dataset });
    expect(preview.errors).toEqual([]);
    expect(preview.rows.map((row) => row.activityTypes)).toEqual([['training'], ['research']]);
  });
});
