import { selectEditSummary } from '../store/selectors';
import { useHarta } from '../store/store-context';

/**
 * Shown whenever the view contains changes made in this browser, so nobody presents or exports
 * local edits believing they are the published dataset. Opens the Data panel.
 */
export function LocalChangesMark() {
  const summary = useHarta(selectEditSummary);
  const setTab = useHarta((state) => state.setTab);
  const count = summary.added.length + summary.changed.length + summary.deleted.length;
  if (count === 0) return null;
  return (
    <button
      type="button"
      className="local-changes-mark"
      onClick={() => setTab('data')}
      title="This view contains changes made in this browser. Open the Data panel to review, undo or reset them."
    >
      Local changes: {count} {count === 1 ? 'organisation' : 'organisations'}
    </button>
  );
}
