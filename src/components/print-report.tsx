import type { Dataset } from '../domain/dataset';
import {
  shortDocumentTitle,
  type MunicipalityReport,
  type OrganisationReport,
  type Report,
} from '../domain/report';
import { MAP_CREDITS } from '../domain/slide-layout';
import './print.css';

/** Which part of the report to print: the whole country, one county or one municipality. */
import type { PrintScope } from '../domain/view-state';

export interface PrintReportProps {
  report: Report;
  dataset: Pick<Dataset, 'documents' | 'activityTypes'>;
  scope: PrintScope;
  /** The date printed on every page, e.g. "2026-11-23". */
  date: string;
  /** The dashboard's address, for "back" on screen (hidden when printed). */
  backHref?: string;
}

const HOTSPOT_WORDS = ['no', 'some', 'moderate', 'strong'] as const;

function Attribution({ date }: { date: string }) {
  return (
    <p className="print-attribution">
      Made with Harta on {date}. {MAP_CREDITS}.
    </p>
  );
}

function organisationsIn(
  municipality: MunicipalityReport,
  byId: ReadonlyMap<string, OrganisationReport>,
): OrganisationReport[] {
  return municipality.localOrganisations
    .map((id) => byId.get(id))
    .filter((organisation): organisation is OrganisationReport => organisation !== undefined);
}

function gapRankText(municipality: MunicipalityReport): string {
  return municipality.gapTie === null
    ? String(municipality.gapRank)
    : `${municipality.gapTie.first}–${municipality.gapTie.last} (tie)`;
}

/** A municipality's table row in a county page. */
function MunicipalityRow({ municipality }: { municipality: MunicipalityReport }) {
  return (
    <tr>
      <th scope="row">{municipality.name}</th>
      <td>{gapRankText(municipality)}</td>
      <td>{municipality.gapScore.toFixed(2)}</td>
      <td>{municipality.organisations}</td>
      <td>{HOTSPOT_WORDS[municipality.hotspotLevel]}</td>
    </tr>
  );
}

/**
 * The printable report: a summary page and one page per county (country), or one page for a
 * county or a municipality, each dated and credited, with the source documents cited at the end.
 * Every name from the data is rendered as text.
 */
export function PrintReport({ report, dataset, scope, date, backHref }: PrintReportProps) {
  const organisations = new Map(report.organisations.map((o) => [o.id, o]));
  const activityName = new Map(dataset.activityTypes.map((a) => [a.id, a.label]));
  const documentName = (id: string) => {
    const document = dataset.documents.find((d) => d.id === id);
    return document ? shortDocumentTitle(document) : id;
  };
  const countyPages =
    scope.kind === 'country'
      ? [...report.counties].sort((a, b) => a.gapRank - b.gapRank)
      : scope.kind === 'county'
        ? report.counties.filter((county) => county.id === scope.id)
        : [];
  const municipality =
    scope.kind === 'municipality'
      ? report.municipalities.find((m) => m.id === scope.id)
      : undefined;
  const title =
    scope.kind === 'country'
      ? 'P/CVE organisations in Albania: report for the whole country'
      : scope.kind === 'county'
        ? `P/CVE organisations in ${countyPages[0]?.name ?? 'an unknown county'} (qark)`
        : `P/CVE organisations in ${municipality?.name ?? 'an unknown municipality'} (bashki)`;
  const unknown =
    (scope.kind === 'county' && countyPages.length === 0) ||
    (scope.kind === 'municipality' && municipality === undefined);

  return (
    <main className="print-report">
      {backHref ? (
        <p className="print-screen-only">
          <a href={backHref}>Back to the dashboard</a> ·{' '}
          <button type="button" onClick={() => window.print()}>
            Print or save as PDF
          </button>
        </p>
      ) : null}
      <header className="print-header">
        <h1>{title}</h1>
        <p>
          Data as of {date}. Nationwide organisations{' '}
          {report.nationwideWeight > 0
            ? `count ${report.nationwideWeight} each towards presence`
            : 'are not counted towards presence'}
          .
        </p>
      </header>

      {unknown ? <p role="alert">There is no such area in the gazetteer.</p> : null}

      {scope.kind === 'country' ? (
        <section className="print-page" aria-labelledby="print-summary">
          <h2 id="print-summary">Summary: counties from most to least underserved</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">County (qark)</th>
                <th scope="col">Gap rank</th>
                <th scope="col">Gap score</th>
                <th scope="col">Hotspot evidence</th>
              </tr>
            </thead>
            <tbody>
              {countyPages.map((county) => (
                <tr key={county.id}>
                  <th scope="row">{county.name}</th>
                  <td>{county.gapRank}</td>
                  <td>{county.gapScore.toFixed(2)}</td>
                  <td>{HOTSPOT_WORDS[county.hotspotLevel]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {report.organisations.length} organisations; {report.overlaps.length} places where two
            or more organisations do the same kind of activity.
          </p>
          <Attribution date={date} />
        </section>
      ) : null}

      {countyPages.map((county) => {
        const municipalities = report.municipalities
          .filter((m) => m.county === county.name)
          .sort((a, b) => a.gapRank - b.gapRank);
        return (
          <section
            key={county.id}
            className="print-page"
            aria-labelledby={`print-county-${county.id}`}
          >
            <h2 id={`print-county-${county.id}`}>
              {county.name} (qark): gap rank {county.gapRank} of {report.counties.length}
            </h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">Municipality (bashki)</th>
                  <th scope="col">Gap rank</th>
                  <th scope="col">Gap score</th>
                  <th scope="col">Organisations</th>
                  <th scope="col">Hotspot evidence</th>
                </tr>
              </thead>
              <tbody>
                {municipalities.map((m) => (
                  <MunicipalityRow key={m.id} municipality={m} />
                ))}
              </tbody>
            </table>
            <h3>Who works here</h3>
            <ul className="print-list">
              {municipalities.map((m) => {
                const here = organisationsIn(m, organisations);
                return (
                  <li key={m.id}>
                    <strong>{m.name}:</strong>{' '}
                    {here.length === 0
                      ? 'no organisation names it.'
                      : here.map((o) => o.name).join('; ')}
                  </li>
                );
              })}
            </ul>
            <Attribution date={date} />
          </section>
        );
      })}

      {municipality ? (
        <section className="print-page" aria-labelledby="print-municipality">
          <h2 id="print-municipality">
            {municipality.name} (bashki, {municipality.county} qark): gap rank{' '}
            {gapRankText(municipality)} of {report.municipalities.length}
          </h2>
          <p>{municipality.why}</p>
          <dl className="print-facts">
            <dt>Gap score</dt>
            <dd>{municipality.gapScore.toFixed(2)}</dd>
            <dt>Hotspot evidence</dt>
            <dd>{HOTSPOT_WORDS[municipality.hotspotLevel]}</dd>
            <dt>Organisations naming it</dt>
            <dd>{municipality.organisations}</dd>
            <dt>Working across its county</dt>
            <dd>{municipality.countyWideOrganisations}</dd>
            <dt>Activity types nobody does here</dt>
            <dd>
              {municipality.missingActivityTypes.length === 0
                ? 'none'
                : municipality.missingActivityTypes
                    .map((id) => activityName.get(id) ?? id)
                    .join('; ')}
            </dd>
          </dl>
          <h3>Organisations</h3>
          <ul className="print-list">
            {organisationsIn(municipality, organisations).map((o) => (
              <li key={o.id}>
                {o.name}{' '}
                <span className="print-source">
                  ({documentName(o.source.document)}
                  {o.source.row === null ? '' : `, row ${o.source.row}`})
                </span>
              </li>
            ))}
          </ul>
          {report.overlaps.some((overlap) => overlap.municipalityId === municipality.id) ? (
            <>
              <h3>Overlaps</h3>
              <ul className="print-list">
                {report.overlaps
                  .filter((overlap) => overlap.municipalityId === municipality.id)
                  .map((overlap) => (
                    <li key={overlap.activityType}>
                      {activityName.get(overlap.activityType) ?? overlap.activityType}:{' '}
                      {overlap.count} organisations
                    </li>
                  ))}
              </ul>
            </>
          ) : null}
          <Attribution date={date} />
        </section>
      ) : null}

      <section className="print-sources" aria-labelledby="print-sources">
        <h2 id="print-sources">Sources</h2>
        <ol>
          {dataset.documents.map((document) => (
            <li key={document.id}>
              {document.title}. {document.publisher}, {document.year}. Copy kept at{' '}
              <code>{document.file}</code>.
            </li>
          ))}
        </ol>
        <p>
          Boundaries and place names: {MAP_CREDITS.replace(/^Map data: /, '')}. Gap scores and ranks
          are computed by Harta from these sources.
        </p>
      </section>
    </main>
  );
}
