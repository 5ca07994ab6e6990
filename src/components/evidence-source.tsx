/**
 * Where a quoted passage comes from: the document's title, the place in it and any curation
 * note, all verbatim from the English sources (so `lang="en"`, whatever the interface shows).
 */
export function EvidenceSource({
  title,
  location,
  note,
}: {
  title: string;
  location: string;
  note: string;
}) {
  return (
    <>
      <span lang="en">{title}</span>, <span lang="en">{location}</span>.
      {note ? (
        <>
          {' '}
          <span lang="en">{note}</span>
        </>
      ) : null}
    </>
  );
}
