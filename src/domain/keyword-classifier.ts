import { foldPlaceText } from './place-text';

export interface KeywordClass {
  id: string;
  /**
   * Words or phrases that put a text in this class. They match whole words; a trailing "*"
   * matches any word that starts so ("training*" matches "trainings", "tot" not "total").
   */
  keywords: readonly string[];
}

function foldForKeywords(text: string): string {
  return foldPlaceText(text)
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The classes whose keywords occur in a text, in the order the classes are given. Matching is
 * on folded text (case, diacritics and punctuation do not matter).
 *
 * @example classifyByKeywords('Trainings / awareness raising', types) // ['awareness', 'training']
 */
export function classifyByKeywords(text: string, classes: readonly KeywordClass[]): string[] {
  const folded = ` ${foldForKeywords(text)} `;
  return classes
    .filter((entry) =>
      entry.keywords.some((keyword) => {
        const prefix = keyword.trim().endsWith('*');
        const key = foldForKeywords(keyword.replace(/\*\s*$/, ''));
        if (key === '') return false;
        return folded.includes(prefix ? ` ${key}` : ` ${key} `);
      }),
    )
    .map((entry) => entry.id);
}
