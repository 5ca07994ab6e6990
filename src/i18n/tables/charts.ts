import type { TranslationOf } from '../table';

/** Charts, chart downloads, Export menu, printable report. */
export const chartsEn = {} as const;

export const chartsSq: TranslationOf<typeof chartsEn> = {};
