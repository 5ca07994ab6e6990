import type { TranslationOf } from '../table';

/** Plans panel, plan form, scenarios, Compare panel. */
export const plannerEn = {} as const;

export const plannerSq: TranslationOf<typeof plannerEn> = {};
