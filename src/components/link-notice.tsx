interface LinkNoticeProps {
  problems: string[];
  onDismiss: () => void;
}

/** What a link asked for that is not in the data; the rest of the link was applied. */
export function LinkNotice({ problems, onDismiss }: LinkNoticeProps) {
  if (problems.length === 0) return null;
  return (
    <section className="notice link-notice" role="status" aria-label="About this link">
      <p>This link asked for things that are not in the data; they were left out:</p>
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

/** Plans that could not be read from, or saved to, this browser's storage. */
export function StorageNotice({ problems, onDismiss }: LinkNoticeProps) {
  if (problems.length === 0) return null;
  return (
    <section className="notice storage-notice" role="status" aria-label="About saved plans">
      <p>About the plans saved in this browser:</p>
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
