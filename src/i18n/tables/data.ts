import type { TranslationOf } from '../table';

/** Data panel, local changes, organisation form. */
export const dataEn = {} as const;

export const dataSq: TranslationOf<typeof dataEn> = {};
