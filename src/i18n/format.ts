/**
 * Numbers and dates as each language writes them. Through `Intl` where the runtime has the
 * language's locale data; some builds (Debian's Chromium among them) ship without Albanian,
 * and `Intl` then silently writes English ("0.1", "22 November"), so for those the
 * language's own separators and month names below are used instead. A module of its own so
 * the message tables can use it.
 */

export type Lang = 'en' | 'sq';

/** BCP 47 locale used for numbers and dates. */
export const LOCALE: Readonly<Record<Lang, string>> = { en: 'en-GB', sq: 'sq-AL' };

interface LocaleWords {
  group: string;
  decimal: string;
  months: readonly string[];
}

/** CLDR's separators and month names, for runtimes without the locale. */
const FALLBACK: Readonly<Partial<Record<Lang, LocaleWords>>> = {
  sq: {
    group: '\u00a0',
    decimal: ',',
    months: [
      'janar',
      'shkurt',
      'mars',
      'prill',
      'maj',
      'qershor',
      'korrik',
      'gusht',
      'shtator',
      'tetor',
      'nëntor',
      'dhjetor',
    ],
  },
};

const supported = new Map<Lang, boolean>();
function runtimeHas(lang: Lang): boolean {
  let known = supported.get(lang);
  if (known === undefined) {
    known = Intl.NumberFormat.supportedLocalesOf([LOCALE[lang]]).length > 0;
    supported.set(lang, known);
  }
  return known;
}

/** The fallback's words for `lang` when the runtime lacks its locale, else null. */
function fallbackFor(lang: Lang, useRuntime: boolean): LocaleWords | null {
  if (useRuntime && runtimeHas(lang)) return null;
  return FALLBACK[lang] ?? null;
}

/** Formatters are costly to make and numbers are written on every filter change: one each. */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, digits: number | undefined): Intl.NumberFormat {
  const key = `${locale}|${digits ?? ''}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(
      locale,
      digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits },
    );
    numberFormats.set(key, format);
  }
  return format;
}

/** How many formatted numbers are kept before the cache starts again. */
const FORMATTED_NUMBERS_KEPT = 10_000;
const formattedNumbers = new Map<string, string>();

/**
 * "1,234.5" in English, "1 234,5" in Albanian. With `digits`, rounded as toFixed rounds (on
 * the binary value: 0.495 → "0.49"), so a score reads the same here as wherever else it is
 * written with toFixed (the map, files, the command line). `useRuntime: false` forces the
 * fallback (tests compare it with the runtime's output).
 */
export function formatNumber(
  lang: Lang,
  value: number,
  digits?: number,
  useRuntime = true,
): string {
  // `Intl` formatting is slow next to a map lookup, and the same few hundred figures are
  // written again on every filter change (a gap list row holds several): each is kept.
  const key = `${lang}|${digits ?? ''}|${useRuntime ? 1 : 0}|${Object.is(value, -0) ? '-0' : value}`;
  const known = formattedNumbers.get(key);
  if (known !== undefined) return known;
  const rounded = digits === undefined ? value : Number(value.toFixed(digits));
  const fallback = fallbackFor(lang, useRuntime);
  const written =
    fallback === null
      ? numberFormat(LOCALE[lang], digits).format(rounded)
      : // Written the English way, then given the language's separators.
        numberFormat('en-US', digits)
          .format(rounded)
          .replace(/[,.]/gu, (mark) => (mark === ',' ? fallback.group : fallback.decimal));
  if (formattedNumbers.size >= FORMATTED_NUMBERS_KEPT) formattedNumbers.clear();
  formattedNumbers.set(key, written);
  return written;
}

/**
 * A date (YYYY-MM-DD or a Date) as people write it in the language: "22 November 2026" /
 * "22 nëntor 2026".
 */
export function formatDate(lang: Lang, value: string | Date, useRuntime = true): string {
  const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T12:00:00Z`) : value;
  const fallback = fallbackFor(lang, useRuntime);
  if (fallback === null) {
    return new Intl.DateTimeFormat(LOCALE[lang], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(date);
  }
  return `${date.getUTCDate()} ${fallback.months[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`;
}
