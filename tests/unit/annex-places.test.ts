import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnnexI } from '../../src/domain/annex-i';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import { createPlaceResolver } from '../../src/domain/resolve-places';

/**
 * Every geographic-focus string of Annex I, resolved with the real gazetteer, against what a
 * careful reader of the report would write down. Written by hand from the report, not
 * generated from the resolver's output.
 */

const root = new URL('../../', import.meta.url);
const gazetteerCheck = checkGazetteer(readFileSync(new URL('geo/gazetteer.json', root), 'utf8'));
if (!gazetteerCheck.gazetteer) throw new Error('geo/gazetteer.json does not load');
const { resolvePlaces } = createPlaceResolver(gazetteerCheck.gazetteer);
const annex = parseAnnexI(
  readFileSync(new URL('data/sources/000_61f3ef4351b68807.txt', root), 'utf8'),
);

interface Expected {
  national?: true;
  counties?: string[];
  municipalities?: string[];
  unresolved?: string[];
}

const NATIONAL: Expected = { national: true };

const EXPECTED: Record<number, Expected> = {
  1: NATIONAL,
  2: { municipalities: ['Kukës'] },
  3: NATIONAL,
  4: { counties: ['Elbasan'] },
  5: { municipalities: ['Pogradec', 'Tiranë', 'Elbasan'] },
  6: { municipalities: ['Roskovec'] },
  7: NATIONAL,
  8: { municipalities: ['Roskovec'] },
  9: { municipalities: ['Tiranë', 'Elbasan', 'Pogradec'] },
  10: { municipalities: ['Shkodër', 'Lezhë', 'Kukës'] },
  11: { municipalities: ['Elbasan'] },
  12: NATIONAL,
  13: { counties: ['Korçë'], municipalities: ['Pogradec'] },
  14: { municipalities: ['Kamëz', 'Tiranë'] },
  15: { municipalities: ['Pogradec'] },
  16: { counties: ['Dibër'] },
  17: NATIONAL,
  18: {
    counties: ['Shkodër'],
    municipalities: ['Shkodër', 'Vau i Dejës', 'Malësi e Madhe'],
    unresolved: ['Barbullush'],
  },
  19: { counties: ['Elbasan'], municipalities: ['Elbasan', 'Cërrik', 'Gramsh', 'Belsh'] },
  20: {
    municipalities: [
      'Kukës',
      'Dibër',
      'Librazhd',
      'Pogradec',
      'Peqin',
      'Cërrik',
      'Tiranë',
      'Korçë',
      'Kavajë',
    ],
  },
  21: { municipalities: ['Cërrik'] },
  22: { municipalities: ['Librazhd'], unresolved: ['Dorez'] },
  23: { counties: ['Elbasan'], municipalities: ['Prrenjas', 'Cërrik', 'Elbasan'] },
  24: { municipalities: ['Tiranë'] },
  25: { municipalities: ['Dibër', 'Elbasan', 'Kukës'] },
  26: { municipalities: ['Elbasan'] },
  27: { counties: ['Korçë'], municipalities: ['Pogradec'] },
  28: { municipalities: ['Elbasan'] },
  29: { municipalities: ['Pogradec', 'Tiranë', 'Elbasan'] },
  30: { counties: ['Korçë'] },
  31: { municipalities: ['Lezhë'] },
  32: { municipalities: ['Has'] },
  33: { municipalities: ['Shkodër'] },
  34: { municipalities: ['Pukë', 'Fushë-Arrëz'] },
  35: NATIONAL,
  36: NATIONAL,
  37: { municipalities: ['Tiranë'], unresolved: ['Yzberisht', 'Mëzez', 'Kaktund i Ri'] },
  38: { municipalities: ['Pogradec'] },
  39: { municipalities: ['Pogradec'] },
  40: NATIONAL,
  41: NATIONAL,
  42: NATIONAL,
  43: { municipalities: ['Kamëz', 'Tiranë'] },
  44: { municipalities: ['Cërrik', 'Elbasan', 'Librazhd'] },
  45: { municipalities: ['Korçë'] },
  46: { municipalities: ['Kukës', 'Has'] },
  47: NATIONAL,
  48: NATIONAL,
  49: NATIONAL,
  50: { municipalities: ['Tiranë'] },
  51: NATIONAL,
  52: { municipalities: ['Elbasan'] },
  53: NATIONAL,
  54: { municipalities: ['Cërrik', 'Belsh'] },
  55: { municipalities: ['Tiranë', 'Pogradec'] },
};

describe('every Annex I geographic focus', () => {
  it('has an expectation for each of the 55 rows', () => {
    expect(annex.map((row) => row.row)).toEqual(Object.keys(EXPECTED).map(Number));
  });

  for (const row of annex) {
    it(`row ${row.row}: ${row.geographicFocus}`, () => {
      const expected = EXPECTED[row.row] ?? {};
      const result = resolvePlaces(row.geographicFocus);
      const names = (level: string) =>
        result.areas.filter((area) => area.level === level).map((area) => area.name);
      expect(result.scope).toBe(expected.national ? 'national' : 'local');
      expect(names('county')).toEqual(expected.counties ?? []);
      expect(names('municipality')).toEqual(expected.municipalities ?? []);
      expect(result.unresolved.map((place) => place.text)).toEqual(expected.unresolved ?? []);
      const refined = result.areas.filter((area) => area.refinedBy).map((area) => area.name);
      expect(refined).toEqual(row.row === 23 ? ['Elbasan'] : []);
    });
  }
});

describe('place names as Albanians and the report write them (real gazetteer)', () => {
  const cases: [string, string][] = [
    ['Peshkopi', 'Dibër'],
    ['Burrel', 'Mat'],
    ['Bajram Curri', 'Tropojë'],
    ['Krumë', 'Has'],
    ['Koplik', 'Malësi e Madhe'],
    ['Paskuqan', 'Kamëz'],
    ['Kashar', 'Tiranë'],
    ['Shkodra', 'Shkodër'],
    ['Kukësi', 'Kukës'],
    ['Tirane', 'Tiranë'],
    ['Tirana', 'Tiranë'],
    ['Kamza', 'Kamëz'],
    ['Dibra', 'Dibër'],
    ['Korca', 'Korçë'],
    ['Vlora', 'Vlorë'],
    ['Durrësi', 'Durrës'],
    ['Cërriku', 'Cërrik'],
    ['Cerrik', 'Cërrik'],
    ['Pogradecit', 'Pogradec'],
    ['Municipality of Pogradecit', 'Pogradec'],
    ['Elbasa', 'Elbasan'],
    ['Fush-arrez', 'Fushë-Arrëz'],
    ['Ura Vajgurore', 'Dimal'],
    ['Bushat', 'Vau i Dejës'],
    ['Gjirokastra', 'Gjirokastër'],
    ['Lushnja', 'Lushnjë'],
    ['Kombinat', 'Tiranë'],
  ];
  for (const [text, municipality] of cases) {
    it(`"${text}" → ${municipality}`, () => {
      const result = resolvePlaces(text);
      expect(result.areas.map((area) => `${area.level}:${area.name}`)).toEqual([
        `municipality:${municipality}`,
      ]);
    });
  }

  it('reads Klos as the municipality and reports the village in Cërrik', () => {
    const [klos] = resolvePlaces('Klos').areas;
    expect(klos?.name).toBe('Klos');
    expect(klos?.alternatives?.map((area) => area.name)).toEqual(['Cërrik']);
  });

  it('reads "Qarku i Shkodrës" and "Korça District" as counties', () => {
    expect(resolvePlaces('Qarku i Shkodrës').areas.map((a) => `${a.level}:${a.name}`)).toEqual([
      'county:Shkodër',
    ]);
    expect(resolvePlaces('Korça District').areas.map((a) => `${a.level}:${a.name}`)).toEqual([
      'county:Korçë',
    ]);
  });

  it('reports a settlement name shared by two municipalities', () => {
    const result = resolvePlaces('Shëngjin');
    expect(result.areas).toEqual([]);
    expect(result.unresolved[0]?.reason).toBe('ambiguous');
    expect(result.unresolved[0]?.candidates.map((c) => c.name).sort()).toEqual([
      'Lezhë',
      'Mirditë',
    ]);
  });
});
