import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import { parseDataset } from '../../src/domain/parse-dataset';
import { createSearchIndex } from '../../src/domain/search-index';
import { readDataFiles } from '../../src/io/node-files';

const root = new URL('../../', import.meta.url).pathname;
const gazetteer = checkGazetteer(readFileSync(`${root}geo/gazetteer.json`, 'utf8')).gazetteer;
if (!gazetteer) throw new Error('geo/gazetteer.json does not load');
const { dataset } = parseDataset(readDataFiles(root), gazetteer);
const { search } = createSearchIndex(gazetteer, dataset);

describe('search', () => {
  it('finds municipalities without diacritics and in definite form', () => {
    expect(search('cerrik')[0]).toMatchObject({
      label: 'Cërrik',
      target: { kind: 'municipality', id: 'AL212' },
    });
    expect(search('kukesi')[0]).toMatchObject({ label: 'Kukës' });
  });

  it('finds a village through its municipality, and says so', () => {
    expect(search('paskuqan')[0]).toMatchObject({ label: 'Kamëz', detail: 'Paskuqan is in Kamëz' });
  });

  it('finds organisations by acronym and counties by name', () => {
    expect(search('ARCT')[0]).toMatchObject({ target: { kind: 'organisation' } });
    expect(search('dibër').map((r) => r.label)).toEqual(
      expect.arrayContaining(['Dibër', 'Dibër county']),
    );
  });

  it('returns nothing for an empty query and is safe with odd input', () => {
    expect(search('   ')).toEqual([]);
    expect(search('<script>')).toEqual([]);
  });
});
