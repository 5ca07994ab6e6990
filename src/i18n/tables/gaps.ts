import type { TranslationOf } from '../table';

/** Gaps panel, gap explanations, hotspot badges, Area panel. */
export const gapsEn = {} as const;

export const gapsSq: TranslationOf<typeof gapsEn> = {};
