import { useT } from '../i18n/use-t';

interface NoticeProps {
  problems: string[];
  onDismiss: () => void;
}

/** A dismissable list of things that were left out, each in plain words. */
function ProblemNotice({
  problems,
  onDismiss,
  label,
  intro,
}: NoticeProps & { label: string; intro: string }) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <section className="notice" role="status" aria-label={label}>
      <p>{intro}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>{problem}</li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={onDismiss}>
        {t('notice.dismiss')}
      </button>
    </section>
  );
}

/** What a link asked for that is not in the data; the rest of the link was applied. */
export function LinkNotice(props: NoticeProps) {
  const t = useT();
  return <ProblemNotice {...props} label={t('notice.link.label')} intro={t('notice.link.intro')} />;
}

/** Plans that could not be read from, or saved to, this browser's storage. */
export function StorageNotice(props: NoticeProps) {
  const t = useT();
  return (
    <ProblemNotice {...props} label={t('notice.storage.label')} intro={t('notice.storage.intro')} />
  );
}
