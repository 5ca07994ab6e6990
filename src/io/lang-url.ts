import { isLang, translator, type Lang } from '../i18n/messages';

/**
 * The interface language in the address (`?lang=sq` or `?lang=en`), so a link opens in the
 * language it was copied in, and the document's `lang` attribute, so screen readers and
 * hyphenation follow the switch.
 */

/** The language a query string asks for; English when it names none or one Harta lacks. */
export function langFromSearch(search: string): { lang: Lang; problem: string | null } {
  const value = new URLSearchParams(search).get('lang');
  if (value === null || value === '') return { lang: 'en', problem: null };
  const lowered = value.toLowerCase();
  if (isLang(lowered)) return { lang: lowered, problem: null };
  // The interface stays in English, so the problem is said in English.
  return { lang: 'en', problem: translator('en')('notice.link.language', value.slice(0, 20)) };
}

/** The query string with `lang` set (left out for English, the default). */
export function searchWithLang(search: string, lang: Lang): string {
  const params = new URLSearchParams(search);
  if (lang === 'en') params.delete('lang');
  else params.set('lang', lang);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Keeps `<html lang>` and the address in step with the store's language. */
export function startLangSync(options: {
  read: () => Lang;
  subscribe: (listener: () => void) => () => void;
}): () => void {
  let last: Lang | null = null;
  const apply = () => {
    const lang = options.read();
    if (lang === last) return;
    last = lang;
    document.documentElement.lang = lang;
    const search = searchWithLang(window.location.search, lang);
    if (search !== window.location.search) {
      const { pathname, hash } = window.location;
      window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
    }
  };
  apply();
  return options.subscribe(apply);
}
