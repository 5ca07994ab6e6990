import { taxonomyLabel, type Dataset } from '../domain/dataset';
import {
  shortDocumentTitle,
  type MunicipalityReport,
  type OrganisationReport,
  type Report,
} from '../domain/report';
/** Which part of the report to print: the whole country, one county or one municipality. */
import type { PrintScope } from '../domain/view-state';
import { formatDate, formatNumber, type Lang, type Translate } from '../i18n/messages';
import { useInterfaceLang, useInterfaceT } from './charts/chart-lang';
import './print.css';

export interface PrintReportProps {
  report: Report;
  dataset: Pick<Dataset, 'documents' | 'activityTypes'>;
  scope: PrintScope;
  /** The date printed on every page, e.g. "2026-11-23". */
  date: string;
  /** The dashboard's address, for "back" on screen (hidden when printed). */
  backHref?: string;
  /** The language to print in; by default the store's, or English without a store. */
  lang?: Lang;
}

/** The licences of geo/ (see geo/README.md): "GeoNames (CC BY 4.0), Natural Earth (public domain)". */
function MapSources({ t }: { t: Translate }) {
  return (
    <>
      <span translate="no">GeoNames (CC BY 4.0)</span>, <span translate="no">Natural Earth</span> (
      {t('report.publicDomain')})
    </>
  );
}

function Attribution({ date, t }: { date: string; t: Translate }) {
  return (
    <p className="print-attribution">
      {t('report.madeWith', date)} {t('report.mapData')}: <MapSources t={t} />.
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

/** Numbers and words for one language. */
interface Words {
  lang: Lang;
  t: Translate;
}

function rankOf(municipality: MunicipalityReport, lang: Lang) {
  const tie = municipality.gapTie;
  return {
    rank: formatNumber(lang, municipality.gapRank),
    tie:
      tie === null
        ? null
        : { first: formatNumber(lang, tie.first), last: formatNumber(lang, tie.last) },
  };
}

/** A municipality's table row in a county page. */
function MunicipalityRow({
  municipality,
  words: { lang, t },
}: {
  municipality: MunicipalityReport;
  words: Words;
}) {
  return (
    <tr>
      <th scope="row">{municipality.name}</th>
      <td>{t('report.rank', rankOf(municipality, lang))}</td>
      <td>{formatNumber(lang, municipality.gapScore, 2)}</td>
      <td>{formatNumber(lang, municipality.organisations)}</td>
      <td>{t('report.hotspot', municipality.hotspotLevel)}</td>
    </tr>
  );
}

/** Why the municipality ranks where it does, in the language (English: the domain's sentence). */
function whyText(
  municipality: MunicipalityReport,
  report: Report,
  activityTypes: number,
  { lang, t }: Words,
): string {
  const number = (value: number) => formatNumber(lang, value);
  return t('report.why', {
    english: municipality.why,
    municipality: municipality.name,
    hotspotLevel: municipality.hotspotLevel,
    local: municipality.organisations,
    localFormatted: number(municipality.organisations),
    countyWide: number(municipality.countyWideOrganisations),
    nationwide: number(municipality.nationwideOrganisations.length),
    nationwideWeight: report.nationwideWeight > 0 ? number(report.nationwideWeight) : null,
    missing: number(municipality.missingActivityTypes.length),
    considered: number(activityTypes),
    gapScore: formatNumber(lang, municipality.gapScore, 2),
  });
}

/**
 * The printable report: a summary page and one page per county (country), or one page for a
 * county or a municipality, each dated and credited, with the source documents cited at the end.
 * Every name from the data is rendered as text.
 */
export function PrintReport({
  report,
  dataset,
  scope,
  date,
  backHref,
  lang: langProp,
}: PrintReportProps) {
  const storeLang = useInterfaceLang();
  const lang = langProp ?? storeLang;
  const t = useInterfaceT(lang);
  const words: Words = { lang, t };
  const number = (value: number) => formatNumber(lang, value);
  // English keeps the date as the report has always printed it (ISO); others spell it out.
  const day = lang === 'en' ? date : formatDate(lang, date);
  const organisations = new Map(report.organisations.map((o) => [o.id, o]));
  const activityName = new Map(dataset.activityTypes.map((a) => [a.id, taxonomyLabel(a, lang)]));
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
      ? t('report.title.country')
      : scope.kind === 'county'
        ? t('report.title.county', countyPages[0]?.name ?? null)
        : t('report.title.municipality', municipality?.name ?? null);
  const unknown =
    (scope.kind === 'county' && countyPages.length === 0) ||
    (scope.kind === 'municipality' && municipality === undefined);

  return (
    <main className="print-report" lang={lang}>
      {backHref ? (
        <p className="print-screen-only">
          <a href={backHref}>{t('report.back')}</a> ·{' '}
          <button type="button" onClick={() => window.print()}>
            {t('report.print')}
          </button>
        </p>
      ) : null}
      <header className="print-header">
        <h1>{title}</h1>
        <p>{t('report.dataAsOf', day, report.nationwideWeight, number(report.nationwideWeight))}</p>
      </header>

      {unknown ? <p role="alert">{t('report.unknownArea')}</p> : null}

      {scope.kind === 'country' ? (
        <section className="print-page" aria-labelledby="print-summary">
          <h2 id="print-summary">{t('report.summary.heading')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('report.header.county')}</th>
                <th scope="col">{t('report.header.gapRank')}</th>
                <th scope="col">{t('report.header.gapScore')}</th>
                <th scope="col">{t('report.header.hotspot')}</th>
              </tr>
            </thead>
            <tbody>
              {countyPages.map((county) => (
                <tr key={county.id}>
                  <th scope="row">{county.name}</th>
                  <td>{number(county.gapRank)}</td>
                  <td>{formatNumber(lang, county.gapScore, 2)}</td>
                  <td>{t('report.hotspot', county.hotspotLevel)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {t(
              'report.summary.totals',
              number(report.organisations.length),
              number(report.overlaps.length),
            )}
          </p>
          <Attribution date={day} t={t} />
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
              {t(
                'report.county.heading',
                county.name,
                number(county.gapRank),
                number(report.counties.length),
              )}
            </h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('report.header.municipality')}</th>
                  <th scope="col">{t('report.header.gapRank')}</th>
                  <th scope="col">{t('report.header.gapScore')}</th>
                  <th scope="col">{t('report.header.organisations')}</th>
                  <th scope="col">{t('report.header.hotspot')}</th>
                </tr>
              </thead>
              <tbody>
                {municipalities.map((m) => (
                  <MunicipalityRow key={m.id} municipality={m} words={words} />
                ))}
              </tbody>
            </table>
            <h3>{t('report.whoWorksHere')}</h3>
            <ul className="print-list">
              {municipalities.map((m) => {
                const here = organisationsIn(m, organisations);
                return (
                  <li key={m.id}>
                    <strong>{m.name}:</strong>{' '}
                    {here.length === 0 ? (
                      t('report.nobodyNamesIt')
                    ) : (
                      <span translate="no">{here.map((o) => o.name).join('; ')}</span>
                    )}
                  </li>
                );
              })}
            </ul>
            <Attribution date={day} t={t} />
          </section>
        );
      })}

      {municipality ? (
        <section className="print-page" aria-labelledby="print-municipality">
          <h2 id="print-municipality">
            {t(
              'report.municipality.heading',
              municipality.name,
              municipality.county,
              rankOf(municipality, lang),
              number(report.municipalities.length),
            )}
          </h2>
          <p>{whyText(municipality, report, dataset.activityTypes.length, words)}</p>
          <dl className="print-facts">
            <dt>{t('report.header.gapScore')}</dt>
            <dd>{formatNumber(lang, municipality.gapScore, 2)}</dd>
            <dt>{t('report.header.hotspot')}</dt>
            <dd>{t('report.hotspot', municipality.hotspotLevel)}</dd>
            <dt>{t('report.fact.organisations')}</dt>
            <dd>{number(municipality.organisations)}</dd>
            <dt>{t('report.fact.countyWide')}</dt>
            <dd>{number(municipality.countyWideOrganisations)}</dd>
            <dt>{t('report.fact.missing')}</dt>
            <dd>
              {municipality.missingActivityTypes.length === 0
                ? t('report.none')
                : municipality.missingActivityTypes
                    .map((id) => activityName.get(id) ?? id)
                    .join('; ')}
            </dd>
          </dl>
          <h3>{t('report.organisations')}</h3>
          <ul className="print-list">
            {organisationsIn(municipality, organisations).map((o) => (
              <li key={o.id}>
                <span translate="no">{o.name}</span>{' '}
                <span className="print-source">
                  (<span lang="en">{documentName(o.source.document)}</span>
                  {o.source.row === null ? '' : t('report.row', number(o.source.row))})
                </span>
              </li>
            ))}
          </ul>
          {report.overlaps.some((overlap) => overlap.municipalityId === municipality.id) ? (
            <>
              <h3>{t('report.overlaps')}</h3>
              <ul className="print-list">
                {report.overlaps
                  .filter((overlap) => overlap.municipalityId === municipality.id)
                  .map((overlap) => (
                    <li key={overlap.activityType}>
                      {activityName.get(overlap.activityType) ?? overlap.activityType}:{' '}
                      {t('report.overlapCount', overlap.count, number(overlap.count))}
                    </li>
                  ))}
              </ul>
            </>
          ) : null}
          <Attribution date={day} t={t} />
        </section>
      ) : null}

      <section className="print-sources" aria-labelledby="print-sources">
        <h2 id="print-sources">{t('report.sources')}</h2>
        <ol>
          {dataset.documents.map((document) => (
            <li key={document.id}>
              <span lang="en">{document.title}</span>.{' '}
              <span translate="no">{document.publisher}</span>,{' '}
              <span lang="en">{document.year}</span>. {t('report.copyKeptAt')}{' '}
              <code translate="no">{document.file}</code>.
            </li>
          ))}
        </ol>
        <p>
          {t('report.boundariesAndNames')}: <MapSources t={t} />. {t('report.computedBy')}
        </p>
      </section>
    </main>
  );
}
