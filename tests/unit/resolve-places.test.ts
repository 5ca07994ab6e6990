import { describe, expect, it } from 'vitest';
import { createPlaceResolver } from '../../src/domain/resolve-places';
import { boundedEditDistance, foldPlaceText } from '../../src/domain/place-text';
import { makeGazetteer } from './fixtures/gazetteer-fixture';

const { resolvePlaces } = createPlaceResolver(makeGazetteer());

function names(text: string): string[] {
  return resolvePlaces(text).areas.map((area) => `${area.level}:${area.name}`);
}

describe('foldPlaceText', () => {
  it('drops case, diacritics, hyphens and apostrophes', () => {
    expect(foldPlaceText('Fushë-Arrëz')).toBe('fushe arrez');
    expect(foldPlaceText('  KORÇË ')).toBe('korce');
    expect(foldPlaceText('Vau i Dejës')).toBe('vau i dejes');
  });
});

describe('boundedEditDistance', () => {
  it('counts edits up to the limit', () => {
    expect(boundedEditDistance('elbasa', 'elbasan', 2)).toBe(1);
    expect(boundedEditDistance('kaktund i ri', 'katundi i ri', 2)).toBe(2);
    expect(boundedEditDistance('tirana', 'korca', 1)).toBe(2);
  });

  it('agrees with the whole Levenshtein table, capped at limit + 1, on random pairs', () => {
    // The plain definition: every cell of the table, no band, no early exit.
    const levenshtein = (a: string, b: string) => {
      const table = Array.from({ length: a.length + 1 }, (_, i) =>
        Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
      );
      for (let i = 1; i <= a.length; i += 1)
        for (let j = 1; j <= b.length; j += 1)
          table[i]![j] = Math.min(
            table[i - 1]![j]! + 1,
            table[i]![j - 1]! + 1,
            table[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
          );
      return table[a.length]![b.length]!;
    };
    // A fixed pseudo-random sequence (the test must fail the same way twice), over few letters
    // so that close pairs are common; lengths 0 to 14, around the buffer's first size too.
    let seed = 7;
    const next = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    const word = () => Array.from({ length: next(15) }, () => 'abcë '[next(5)]).join('');
    const mutate = (text: string) => {
      const letters = [...text];
      for (let edits = next(4); edits > 0; edits -= 1) {
        const at = next(letters.length + 1);
        const kind = next(3);
        if (kind === 0) letters.splice(at, 0, 'abcë '[next(5)]!);
        else if (kind === 1) letters.splice(at, 1);
        else letters[at] = 'abcë '[next(5)]!;
      }
      return letters.join('');
    };
    let checked = 0;
    for (let pair = 0; pair < 3_000; pair += 1) {
      const a = word();
      const b = pair % 3 === 0 ? word() : mutate(a);
      for (const limit of [0, 1, 2, 3]) {
        expect(boundedEditDistance(a, b, limit), `${a}|${b}|${limit}`).toBe(
          Math.min(levenshtein(a, b), limit + 1),
        );
        checked += 1;
      }
    }
    // Long strings grow the reused rows.
    const long = 'katund i ri '.repeat(12);
    expect(boundedEditDistance(long, `${long}x`, 2)).toBe(1);
    expect(boundedEditDistance(long.replace('d', 't'), long, 1)).toBe(1);
    expect(checked).toBe(12_000);
  });
});

describe('resolvePlaces', () => {
  it('resolves official names, ASCII and definite forms alike', () => {
    expect(names('Cërrik')).toEqual(['municipality:Cërrik']);
    expect(names('Cerrik')).toEqual(['municipality:Cërrik']);
    expect(names('Cërriku')).toEqual(['municipality:Cërrik']);
    const official = resolvePlaces('Cërrik').areas[0];
    const alias = resolvePlaces('Cerriku').areas[0];
    expect(official?.confidence).toBe(1);
    expect(alias?.confidence).toBeLessThan(1);
    expect(alias?.matched).toBe('Cerriku');
  });

  it('reads a bare name that is both a county and a municipality as the municipality', () => {
    expect(names('Elbasan')).toEqual(['municipality:Elbasan']);
    expect(names('Korça')).toEqual(['municipality:Korçë']);
  });

  it('reads "District of X" and "X Prefecture" as the county, without expanding it', () => {
    expect(names('District of Elbasan')).toEqual(['county:Elbasan']);
    expect(names('Elbasan Prefecture')).toEqual(['county:Elbasan']);
    expect(names('The district of Korça')).toEqual(['county:Korçë']);
    expect(names('Korça District')).toEqual(['county:Korçë']);
    expect(names('Qarku Tiranë')).toEqual(['county:Tiranë']);
  });

  it('reads "Municipality of X" and "X Municipality" as the municipality', () => {
    expect(names('Municipality of Pogradecit')).toEqual(['municipality:Pogradec']);
    expect(names('Vau Dejes Municipality')).toEqual(['municipality:Vau i Dejës']);
    expect(names('Bashkia Tirana')).toEqual(['municipality:Tiranë']);
  });

  it('splits lists on commas, semicolons, slashes and "and"', () => {
    expect(names('Pogradec, Tirana; Elbasan / Korça and Cërrik')).toEqual([
      'municipality:Pogradec',
      'municipality:Tiranë',
      'municipality:Elbasan',
      'municipality:Korçë',
      'municipality:Cërrik',
    ]);
  });

  it('maps towns and administrative units to their municipality, saying which', () => {
    const [area] = resolvePlaces('Paskuqan').areas;
    expect(area).toMatchObject({ level: 'municipality', name: 'Kamëz', via: ['Paskuqan'] });
    expect(area?.confidence).toBeLessThan(1);
    expect(names('Administrative Units of Kashar')).toEqual(['municipality:Tiranë']);
    expect(names('Peshkopi')).toEqual(['municipality:Dibër']);
  });

  it('lets parenthesised places refine the enclosing one', () => {
    const result = resolvePlaces('District of Elbasan (District of Prrenjas, Cerrik, Elbasan)');
    expect(result.areas.map((a) => `${a.level}:${a.name}`)).toEqual([
      'county:Elbasan',
      'municipality:Prrenjas',
      'municipality:Cërrik',
      'municipality:Elbasan',
    ]);
    const prrenjas = result.areas.find((a) => a.name === 'Prrenjas');
    expect(prrenjas?.within).toBe('AL021');
    expect(prrenjas?.note).toMatch(/not a county/);
    expect(result.unresolved).toEqual([]);
  });

  it('folds settlements named inside their municipality into it', () => {
    const result = resolvePlaces('Vau Dejes Municipality (Bushat and Barbullush)');
    expect(result.areas).toHaveLength(1);
    expect(result.areas[0]).toMatchObject({ name: 'Vau i Dejës', via: ['Bushat'] });
    expect(result.areas[0]?.within).toBeUndefined();
    expect(result.unresolved).toEqual([
      { text: 'Barbullush', reason: 'unknown', candidates: [], within: 'AL155' },
    ]);
  });

  it('prefers the municipality for a name that is also a settlement elsewhere, and says so', () => {
    const [klos] = resolvePlaces('Klos').areas;
    expect(klos).toMatchObject({ level: 'municipality', name: 'Klos' });
    expect(klos?.alternatives).toEqual([{ level: 'municipality', id: 'AL212', name: 'Cërrik' }]);
    expect(klos?.note).toMatch(/also a settlement in Cërrik/);
    expect(klos?.confidence).toBeLessThan(0.9);
  });

  it('reports a settlement name shared by several municipalities instead of guessing', () => {
    const result = resolvePlaces('Golem');
    expect(result.areas).toEqual([]);
    expect(result.unresolved).toEqual([
      {
        text: 'Golem',
        reason: 'ambiguous',
        candidates: [
          { level: 'municipality', id: 'AL224', name: 'Tiranë' },
          { level: 'municipality', id: 'AL343', name: 'Korçë' },
        ],
      },
    ]);
  });

  it('settles a shared settlement name by the enclosing area, and says so', () => {
    const result = resolvePlaces('Korça (Golem)');
    expect(result.unresolved).toEqual([]);
    const golem = result.areas.find((a) => a.matched === 'Golem');
    expect(golem).toBeUndefined(); // merged into Korçë, the enclosing municipality
    expect(result.areas).toHaveLength(1);
    expect(result.areas[0]?.note).toMatch(/Golem/);
  });

  it('settles a shared settlement name by the other areas of the same text', () => {
    const result = resolvePlaces('Golem, District of Tirana');
    expect(result.areas.map((a) => `${a.level}:${a.name}`)).toEqual([
      'county:Tiranë',
      'municipality:Tiranë',
    ]);
    expect(result.areas[1]?.alternatives).toEqual([
      { level: 'municipality', id: 'AL343', name: 'Korçë' },
    ]);
  });

  it('recognises the whole country', () => {
    for (const text of [
      'The territory of Albania',
      'Albania',
      'Activities are organized in country;',
      'National and regional',
    ]) {
      const result = resolvePlaces(text);
      expect(result.scope, text).toBe('national');
      expect(
        result.areas.map((a) => a.level),
        text,
      ).toEqual(['country']);
      expect(result.unresolved, text).toEqual([]);
    }
  });

  it('corrects a one-letter typo, with low confidence and a note', () => {
    const [area] = resolvePlaces('Pogradeq').areas;
    expect(area).toMatchObject({ name: 'Pogradec', matched: 'Pogradeq' });
    expect(area?.confidence).toBeLessThanOrEqual(0.6);
    expect(area?.note).toMatch(/not a known spelling/);
  });

  it('reports unknown places with close spellings as suggestions', () => {
    const result = resolvePlaces('Kashar (Yzberisht, Kashari i Ri)');
    expect(result.areas.map((a) => a.name)).toEqual(['Tiranë']);
    expect(result.unresolved.map((u) => u.text)).toEqual(['Yzberisht', 'Kashari i Ri']);
    expect(result.unresolved.every((u) => u.within === 'AL224')).toBe(true);
  });

  it('knows former names', () => {
    const [area] = resolvePlaces('Ura Vajgurore').areas;
    expect(area).toMatchObject({ name: 'Dimal' });
    expect(area?.confidence).toBeLessThan(1);
  });

  it('returns scope none and nothing invented for text with no place', () => {
    expect(resolvePlaces('')).toEqual({ scope: 'none', areas: [], unresolved: [] });
    const result = resolvePlaces('Atlantis');
    expect(result.scope).toBe('none');
    expect(result.areas).toEqual([]);
    expect(result.unresolved).toEqual([{ text: 'Atlantis', reason: 'unknown', candidates: [] }]);
  });

  it('survives hostile and odd input, including brackets nested thousands deep', () => {
    for (const text of [
      '((((',
      ')))',
      ',,,;;',
      '<img src=x onerror=alert(1)>',
      'a'.repeat(10000),
    ]) {
      expect(() => resolvePlaces(text)).not.toThrow();
    }
    const deep = `${'('.repeat(8192)}Tirana${')'.repeat(8192)}`;
    expect(resolvePlaces(deep).areas.map((a) => a.name)).toEqual(['Tiranë']);
  });

  it('marks an outer area refined by narrower places in brackets', () => {
    const [county] = resolvePlaces('District of Elbasan (Cërrik, Prrenjas)').areas;
    expect(county).toMatchObject({
      level: 'county',
      name: 'Elbasan',
      refinedBy: ['AL212', 'AL217'],
    });
    const [municipality] = resolvePlaces('Vau Dejes Municipality (Bushat)').areas;
    expect(municipality?.refinedBy).toBeUndefined();
  });

  it('reads a bare name as its county when the places in brackets lie in the county only', () => {
    const result = resolvePlaces('Elbasan (Cërrik, Prrenjas)');
    expect(result.areas.map((a) => `${a.level}:${a.name}`)).toEqual([
      'county:Elbasan',
      'municipality:Cërrik',
      'municipality:Prrenjas',
    ]);
    expect(result.areas[0]?.note).toMatch(/read as the county/);
    expect(result.areas.every((a) => !a.note?.includes('lies outside'))).toBe(true);
  });

  it('carries a plural descriptor over the list that follows it', () => {
    expect(names('Districts of Korça, Tirana')).toEqual(['county:Korçë', 'county:Tiranë']);
    expect(names('District of Korça, Tirana')).toEqual(['county:Korçë', 'municipality:Tiranë']);
  });

  it('does not read ordinary English words as places, and notes capitalised ones', () => {
    const gazetteer = makeGazetteer();
    const template = gazetteer.municipalities[0];
    if (!template) throw new Error('fixture has no municipality');
    gazetteer.municipalities.push({ ...template, id: 'AL131', name: 'Has', aliases: [] });
    const { resolvePlaces: resolve } = createPlaceResolver(gazetteer);
    expect(resolve('Tirana has a hot climate').areas.map((a) => a.name)).toEqual(['Tiranë']);
    const [has] = resolve('Has').areas;
    expect(has?.note).toMatch(/also an English word/);
    expect(has?.confidence).toBeLessThanOrEqual(0.7);
    expect(resolve('Has Municipality').areas[0]).toMatchObject({ name: 'Has', confidence: 1 });
  });

  it('does not take part of the country for the whole of it', () => {
    const result = resolvePlaces('Northern Albania');
    expect(result.scope).toBe('none');
    expect(result.unresolved).toEqual([
      {
        text: 'Northern Albania',
        reason: 'unknown',
        candidates: [{ level: 'country', id: 'AL', name: 'Albania' }],
      },
    ]);
  });

  it('notes "the outskirts of" a place and lowers the confidence', () => {
    const [area] = resolvePlaces('the outskirts of Tirana').areas;
    expect(area?.name).toBe('Tiranë');
    expect(area?.confidence).toBeLessThanOrEqual(0.7);
    expect(area?.note).toMatch(/area around Tiranë/);
  });

  it('gives no alternative when the text says "Municipality of"', () => {
    const [klos] = resolvePlaces('Municipality of Klos').areas;
    expect(klos?.alternatives).toBeUndefined();
    expect(klos?.confidence).toBe(1);
  });
});
