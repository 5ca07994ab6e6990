/**
 * Folding turns the many ways a place name is typed into one key: case, diacritics
 * (ë → e, ç → c), hyphens, apostrophes and runs of spaces stop mattering. It does not touch
 * inflection: definite and genitive forms are listed by the country pack, because the rules
 * belong to the language, not to the resolver.
 *
 * @example foldPlaceText('Fushë-Arrëz') === 'fushe arrez'
 */
export function foldPlaceText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[‐‑‒–—―_\-/]+/g, ' ')
    .replace(/[’‘'`´"“”„«»]/g, '')
    .replace(/[.:!?]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Levenshtein distance with an early exit: returns `limit + 1` as soon as the distance is
 * known to exceed `limit`, which keeps fuzzy lookups cheap over a few thousand keys.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      current.push(value);
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
