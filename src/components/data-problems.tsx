interface DataProblemsProps {
  problems: string[];
}

/** Lists data problems as plain text; the rest of the data stays usable. */
export function DataProblems({ problems }: DataProblemsProps) {
  if (problems.length === 0) return null;
  return (
    <section className="data-problems" role="alert" aria-labelledby="data-problems-title">
      <h2 id="data-problems-title">
        {problems.length === 1
          ? '1 problem in the data'
          : `${problems.length} problems in the data`}
      </h2>
      <p>The rows named here were skipped; everything else is shown.</p>
      <ul>
        {problems.slice(0, 100).map((problem, index) => (
          <li key={index}>
            <code>{problem}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
