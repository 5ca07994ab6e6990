import type { TranslationOf } from '../table';

/** Import wizard and boundary import. */
export const importsEn = {} as const;

export const importsSq: TranslationOf<typeof importsEn> = {};
