import type { TranslationOf } from '../table';

/** Overlap panel and matrix, Organisation panel, side panel. */
export const overlapEn = {} as const;

export const overlapSq: TranslationOf<typeof overlapEn> = {};
