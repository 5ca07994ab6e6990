import { foldPlaceText } from './place-text';

/**
 * True when every word of the query starts a word, or is contained, in one of the texts,
 * ignoring case and diacritics: "cerrik" finds "Cërrik", "kukes" finds "Kukës".
 */
export function matchesSearch(query: string, texts: readonly string[]): boolean {
  const words = foldPlaceText(query)
    .split(' ')
    .filter((word) => word !== '');
  if (words.length === 0) return true;
  const haystack = foldPlaceText(texts.join(' '));
  return words.every((word) => haystack.includes(word));
}
