import { useId } from 'react';
import { LANGS, type Lang } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { useHarta } from '../store/store-context';

/** Each language named in itself, so a reader finds theirs whatever is shown. */
const NAMES: Readonly<Record<Lang, string>> = { en: 'English', sq: 'Shqip' };

export function LanguageSwitch() {
  const id = useId();
  const t = useT();
  const lang = useHarta((state) => state.lang);
  const setLang = useHarta((state) => state.setLang);
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>{' '}
      <select id={id} value={lang} onChange={(event) => setLang(event.target.value as Lang)}>
        {LANGS.map((code) => (
          <option key={code} value={code} lang={code}>
            {NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
