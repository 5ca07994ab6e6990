/**
 * One table of interface words: text, or a function of parameters giving text. Each area of
 * the interface has its own table in `tables/`, English first; its Albanian counterpart is
 * typed `TranslationOf<typeof xxxEn>`, so a missing key, an extra key or a message taking other
 * parameters is a type error.
 */
export type Message = string | ((...args: never[]) => string);

export type TranslationOf<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};
