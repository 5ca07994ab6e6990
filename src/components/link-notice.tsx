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
        Dismiss
      </button>
    </section>
  );
}

/** What a link asked for that is not in the data; the rest of the link was applied. */
export function LinkNotice(props: NoticeProps) {
  return (
    <ProblemNotice
      {...props}
      label="About this link"
      intro="This link asked for things that are not in the data; they were left out:"
    />
  );
}

/** Plans that could not be read from, or saved to, this browser's storage. */
export function StorageNotice(props: NoticeProps) {
  return (
    <ProblemNotice
      {...props}
      label="About saved plans"
      intro="About the plans saved in this browser:"
    />
  );
}
