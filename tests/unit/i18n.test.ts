import { describe, expect, it } from 'vitest';
import {
  en,
  formatDate,
  formatNumber,
  LANGS,
  MESSAGES,
  sq,
  TABLES,
  translator,
  type MessageKey,
} from '../../src/i18n/messages';
import { langFromSearch, searchWithLang } from '../../src/io/lang-url';

describe('messages', () => {
  it('gives every key in every language (the type checker enforces it; this checks the tables)', () => {
    const keys = Object.keys(en).sort();
    for (const lang of LANGS) expect(Object.keys(MESSAGES[lang]).sort()).toEqual(keys);
  });

  it('keeps each area table to its own keys, so no table silently overrides another', () => {
    const seen = new Map<string, number>();
    TABLES.forEach(([english, albanian], index) => {
      expect(Object.keys(albanian).sort()).toEqual(Object.keys(english).sort());
      for (const key of Object.keys(english)) {
        expect(
          seen.get(key),
          `"${key}" is in tables ${seen.get(key)} and ${index}`,
        ).toBeUndefined();
        seen.set(key, index);
      }
    });
    expect(seen.size).toBe(Object.keys(en).length);
  });

  it('translates every key into Albanian: no English text left behind', () => {
    // Texts that are the same in both languages on purpose.
    const same = new Set<MessageKey>([]);
    // Functions are called with a sample object and numbers; one that cannot take them is
    // compared by its source instead. Functions of structured values (a field id, a problem
    // code) may give the same text for the sample in both languages: they count as
    // untranslated only if their code is the same too. The component and browser tests check
    // the real screens.
    const sample = (value: unknown): string => {
      if (typeof value !== 'function') return String(value);
      try {
        return String(
          (value as (...a: unknown[]) => unknown)(
            { country: 'X', organisations: '1', municipalities: '2', counties: '3' },
            '4',
            5,
            6,
          ),
        );
      } catch {
        return String(value);
      }
    };
    const untranslated = (Object.keys(en) as MessageKey[]).filter(
      (key) =>
        !same.has(key) &&
        sample(en[key]) === sample(sq[key]) &&
        (typeof en[key] !== 'function' || String(en[key]) === String(sq[key])),
    );
    expect(untranslated).toEqual([]);
  });

  it('fills in parameters and uses Albanian terms coordinators use', () => {
    const t = translator('sq');
    expect(t('filters.summary', '12', '55')).toBe('12 nga 55 organizata');
    expect(
      t('app.tagline', {
        country: 'Shqipëri',
        organisations: '55',
        municipalities: '61',
        counties: '12',
      }),
    ).toBe(
      'Kush bën çfarë dhe ku për parandalimin dhe luftën kundër ekstremizmit të dhunshëm në Shqipëri: 55 organizata, 61 bashki, 12 qarqe',
    );
    expect(translator('en')('tabs.gaps')).toBe('Gaps');
  });

  it('formats numbers and dates in each language', () => {
    expect(formatNumber('en', 12345.5, 1)).toBe('12,345.5');
    // Grouped with a no-break space, as CLDR has it for Albanian.
    expect(formatNumber('sq', 12345.5, 1)).toMatch(/^12\s345,5$/u);
    expect(formatDate('en', '2026-11-22')).toBe('22 November 2026');
    expect(formatDate('sq', '2026-11-22')).toBe('22 nëntor 2026');
  });
});

describe('the language in the address', () => {
  it('reads ?lang=sq and ?lang=en, and says when it does not know one', () => {
    expect(langFromSearch('?lang=sq')).toEqual({ lang: 'sq', problem: null });
    expect(langFromSearch('?sel=m%3AAL212&lang=EN')).toEqual({ lang: 'en', problem: null });
    expect(langFromSearch('')).toEqual({ lang: 'en', problem: null });
    expect(langFromSearch('?lang=fr').problem).toMatch(/language "fr", which Harta does not have/);
  });

  it('writes it, keeping the other parameters', () => {
    expect(searchWithLang('?sel=m%3AAL212', 'sq')).toBe('?sel=m%3AAL212&lang=sq');
    expect(searchWithLang('?lang=sq&tab=gaps', 'en')).toBe('?tab=gaps');
    expect(searchWithLang('', 'en')).toBe('');
  });
});

describe('numbers and dates where the runtime lacks the locale', () => {
  // Debian's Chromium ships without Albanian locale data: Intl then writes English. The
  // fallback must write what a runtime with the data writes (node has full ICU).
  it('writes Albanian numbers as Intl does when it knows Albanian', () => {
    for (const [value, digits] of [
      [12345.5, 1],
      [0.1, undefined],
      [1234567, undefined],
      [0.495, 2],
      [-3.25, 2],
      [55, undefined],
    ] as const) {
      expect(formatNumber('sq', value, digits, false)).toBe(formatNumber('sq', value, digits));
    }
  });

  it('writes Albanian dates with the month names CLDR gives', () => {
    for (let month = 1; month <= 12; month += 1) {
      const date = `2026-${String(month).padStart(2, '0')}-05`;
      expect(formatDate('sq', date, false)).toBe(formatDate('sq', date));
    }
  });

  it('writes a number the same way the second time, kept apart by language, digits and sign', () => {
    const cases = [
      ['en', 0.5, 2],
      ['sq', 0.5, 2],
      ['en', 0.5, 1],
      ['en', 0.5, undefined],
      ['en', 0, undefined],
      ['en', -0, undefined],
    ] as const;
    const first = cases.map(([lang, value, digits]) => formatNumber(lang, value, digits));
    expect(first).toEqual(
      cases.map(([lang, value, digits]) =>
        new Intl.NumberFormat(
          lang === 'en' ? 'en-GB' : 'sq-AL',
          digits === undefined
            ? {}
            : { minimumFractionDigits: digits, maximumFractionDigits: digits },
        ).format(value),
      ),
    );
    expect(cases.map(([lang, value, digits]) => formatNumber(lang, value, digits))).toEqual(first);
  });

  it('leaves English to Intl', () => {
    expect(formatNumber('en', 12345.5, 1, false)).toBe('12,345.5');
    expect(formatDate('en', '2026-11-22', false)).toBe('22 November 2026');
  });
});
