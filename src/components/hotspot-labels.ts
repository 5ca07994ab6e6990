import type { HotspotLevel } from '../domain/dataset';
import { ENGLISH_GAP_WORDS, type GapWords } from '../domain/gap-explanation';
import { translator, type Lang, type Translate } from '../i18n/messages';
import { GAP_WORDS_SQ } from '../i18n/tables/gaps';

/** How each hotspot level is named on screen, in the interface's language ('' for level 0). */
export function hotspotLevelLabel(level: HotspotLevel, t: Translate): string {
  return level === 0 ? '' : t(`gaps.hotspot.${level}`);
}

const english = translator('en');

/** How each hotspot level is named on screen, in English (see `hotspotLevelLabel`). */
export const HOTSPOT_LEVEL_LABEL: Record<HotspotLevel, string> = {
  3: hotspotLevelLabel(3, english),
  2: hotspotLevelLabel(2, english),
  1: hotspotLevelLabel(1, english),
  0: hotspotLevelLabel(0, english),
};

/** The words of the gap sentence (`describeGap`) and of evidence kinds, in `lang`. */
export function gapWords(lang: Lang): GapWords {
  return lang === 'sq' ? GAP_WORDS_SQ : ENGLISH_GAP_WORDS;
}
