import type { TranslationOf } from '../table';

/** Presenter mode, stories, the app header. */
export const presenterEn = {} as const;

export const presenterSq: TranslationOf<typeof presenterEn> = {};
