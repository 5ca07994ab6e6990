import { selectEditSummary } from '../store/selectors';
import { formatNumber } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { useHarta } from '../store/store-context';

/**
 * Shown whenever the view contains changes made in this browser, so nobody presents or exports
 * local edits believing they are the published dataset. Opens the Data panel.
 */
export function LocalChangesMark() {
  const summary = useHarta(selectEditSummary);
  const setTab = useHarta((state) => state.setTab);
  const lang = useHarta((state) => state.lang);
  const t = useT();
  const count = summary.added.length + summary.changed.length + summary.deleted.length;
  if (count === 0) return null;
  return (
    <button
      type="button"
      className="local-changes-mark"
      onClick={() => setTab('data')}
      title={t('localChanges.title')}
    >
      {t('localChanges.mark', count, formatNumber(lang, count))}
    </button>
  );
}
