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

/** Two rows of the distance table, kept between calls (grown as needed). */
let rowBuffers = { previous: new Int32Array(64), current: new Int32Array(64) };

/**
 * Levenshtein distance of `a` and `b` if it is at most `limit`, else `limit + 1`. Only the cells
 * within `limit` of the diagonal are computed (no path through the others stays within the
 * limit), in two reused rows, and the work stops as soon as a whole row exceeds the limit:
 * fuzzy lookups run this over a few thousand keys per unknown word.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  const over = limit + 1;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return over;
  if (rowBuffers.previous.length < m + 2) {
    rowBuffers = { previous: new Int32Array(2 * m + 2), current: new Int32Array(2 * m + 2) };
  }
  let { previous, current } = rowBuffers;
  for (let j = 0; j <= m; j += 1) previous[j] = j <= limit ? j : over;
  for (let i = 1; i <= n; i += 1) {
    const from = Math.max(1, i - limit);
    const to = Math.min(m, i + limit);
    current[0] = i <= limit ? i : over;
    // Just outside the band: read by this row (left of it) and by the next (right of it).
    if (from > 1 && from - 1 <= m) current[from - 1] = over;
    if (to < m) current[to + 1] = over;
    let rowMinimum = current[0] ?? over;
    const letter = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j += 1) {
      const substitution = (previous[j - 1] ?? over) + (letter === b.charCodeAt(j - 1) ? 0 : 1);
      const deletion = (previous[j] ?? over) + 1;
      const insertion = (current[j - 1] ?? over) + 1;
      let value = substitution < deletion ? substitution : deletion;
      if (insertion < value) value = insertion;
      if (value > over) value = over;
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return over;
    const done = previous;
    previous = current;
    current = done;
  }
  return Math.min(previous[m] ?? over, over);
}
