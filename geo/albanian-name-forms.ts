/**
 * Albanian place-name forms. Albanian nouns change their ending for definiteness and case, and
 * people write place names in all of them ("Municipality of Pogradecit", "Kukësi", "Shkodra"),
 * often without diacritics ("Korca", "Tirane"). The gazetteer lists these forms as aliases so
 * the place resolver can stay language-neutral: the rules below belong to this country pack.
 *
 * The rules are the regular patterns of the indefinite → definite / genitive-dative change of
 * a name's final word. They are deliberately few: a rule that fires wrongly only adds an alias
 * nobody writes, while a missing form is added by hand in `geo/overrides.yaml`.
 */

/** The three forms of a single-word name that place lists use. */
export interface AlbanianNounForms {
  /** As the name is officially written: "Shkodër". */
  indefinite: string;
  /** Definite nominative: "Shkodra". */
  definite: string;
  /** Definite genitive/dative, as in "Bashkia e Shkodrës": "Shkodrës". */
  genitive: string;
}

const VOWELS = new Set(['a', 'e', 'ë', 'i', 'o', 'u', 'y']);
const VELARS = new Set(['k', 'g', 'h']);
/** Letters that, before a final h, spell one consonant with it (sh, zh, xh, th, dh, ch). */
const DIGRAPH_FIRST_LETTERS = new Set(['s', 'z', 'x', 't', 'd', 'c']);

/**
 * Definite and genitive forms of a one-word Albanian place name, or `null` when none of the
 * rules applies (a name ending in a vowel other than ë, such as "Tirana" or "Peshkopi", or a
 * name of several words, whose head word is not always the last one).
 *
 * - ends in "ër": Shkodër → Shkodra, Shkodrës (the unstressed ë drops)
 * - ends in "ëz": Kamëz → Kamza, Kamzës
 * - ends in "ë": Tiranë → Tirana, Tiranës
 * - ends in k, g or h: Cërrik → Cërriku, Cërrikut (not the digraphs sh, zh, xh, th, dh)
 * - ends in another consonant: Elbasan → Elbasani, Elbasanit; Gramsh → Gramshi, Gramshit
 *
 * @example albanianNounForms('Pogradec') // { indefinite: 'Pogradec', definite: 'Pogradeci', genitive: 'Pogradecit' }
 */
export function albanianNounForms(name: string): AlbanianNounForms | null {
  if (!/^\p{L}+$/u.test(name)) return null;
  const lower = name.toLowerCase();
  const forms = (definite: string, genitive: string): AlbanianNounForms => ({
    indefinite: name,
    definite,
    genitive,
  });
  if (lower.endsWith('ër')) {
    const stem = name.slice(0, -2);
    return forms(`${stem}ra`, `${stem}rës`);
  }
  if (lower.endsWith('ëz')) {
    const stem = name.slice(0, -2);
    return forms(`${stem}za`, `${stem}zës`);
  }
  if (lower.endsWith('ë')) {
    const stem = name.slice(0, -1);
    return forms(`${stem}a`, `${stem}ës`);
  }
  const last = lower.slice(-1);
  if (VOWELS.has(last)) return null;
  // "Gramsh" ends in the letter sh, not in h: it takes -i like other consonants.
  const isDigraph = last === 'h' && DIGRAPH_FIRST_LETTERS.has(lower.slice(-2, -1));
  if (VELARS.has(last) && !isDigraph) return forms(`${name}u`, `${name}ut`);
  return forms(`${name}i`, `${name}it`);
}

/**
 * The name as people type it without Albanian letters: ë → e, ç → c, and any other accent
 * dropped ("Escútari" → "Escutari").
 *
 * @example foldAlbanianDiacritics('Korçë') === 'Korce'
 */
export function foldAlbanianDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/**
 * Every other way the name is written, derived by rule: the definite and genitive forms of a
 * one-word name, the spaced spelling of a hyphenated one ("Fushë-Arrëz" → "Fushë Arrëz"), and
 * the diacritic-free spelling of each. The name itself is left out; the result is de-duplicated
 * and sorted by code unit so the gazetteer is byte-for-byte reproducible.
 *
 * @example albanianNameVariants('Tiranë') // ['Tirana', 'Tiranes', 'Tiranës', 'Tirane']
 */
export function albanianNameVariants(name: string): string[] {
  const written = new Set<string>([name]);
  const forms = albanianNounForms(name);
  if (forms) {
    written.add(forms.definite);
    written.add(forms.genitive);
  }
  if (name.includes('-')) written.add(name.replace(/\s*-\s*/g, ' '));
  for (const form of [...written]) written.add(foldAlbanianDiacritics(form));
  written.delete(name);
  return sortByCodeUnit([...written]);
}

/**
 * Sorts strings by UTF-16 code unit. Locale collation would read better but depends on the ICU
 * data of the Node version running the build; generated files must not.
 */
export function sortByCodeUnit(values: readonly string[]): string[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
