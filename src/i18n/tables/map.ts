import type { TranslationOf } from '../table';

/** Map, legend, attribution, notices, slide images. */
export const mapEn = {} as const;

export const mapSq: TranslationOf<typeof mapEn> = {};
