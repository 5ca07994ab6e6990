import { useState, type ReactNode } from 'react';
import type { Organisation } from '../domain/dataset';
import { editStateOf, isImportedDocument, TYPED_EDITS_DOCUMENT_ID } from '../domain/local-edits';
import { PLAN_SOURCE_DOCUMENT } from '../domain/plan';
import { normaliseWebsite } from '../domain/website';
import { formatNumber } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { selectFilteredOrganisations, selectNames } from '../store/selectors';
import { useHarta } from '../store/store-context';
import { OrganisationForm } from './organisation-form';
import { SelectButton } from './select-button';

/** A link only for a checked http(s) address; anything else is shown as text. */
export function SafeLink({ url }: { url: string | null }) {
  const t = useT();
  if (url === null) return <span className="muted">{t('organisation.noWebsite')}</span>;
  const safe = normaliseWebsite(url).url;
  if (safe === null) return <span translate="no">{url}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer" translate="no">
      {new URL(safe).hostname.replace(/^www\./, '')}
    </a>
  );
}

type DataMarks = { lang: 'en' } | { translate: 'no' };

/**
 * How a record's free text (theme, places and focus as written, notes) is marked as data:
 * quoted from an English source document, or typed or imported by a user (language unknown).
 */
function dataMarks(source: Organisation['source']): DataMarks {
  const byUser =
    isImportedDocument(source.document) ||
    source.document === TYPED_EDITS_DOCUMENT_ID ||
    source.document === PLAN_SOURCE_DOCUMENT;
  return byUser ? { translate: 'no' } : { lang: 'en' };
}

/** A record's text as written, in the interface language's quotation marks. */
function Verbatim({ marks, children }: { marks: DataMarks; children: ReactNode }) {
  const t = useT();
  return (
    <>
      {t('organisation.quoteOpen')}
      <span {...marks}>{children}</span>
      {t('organisation.quoteClose')}
    </>
  );
}

/**
 * Where the record comes from: the document's title (verbatim, a file name for an import, or
 * words of the interface for records typed in this browser), then its row there.
 */
function SourceText({
  source,
  title,
}: {
  source: Organisation['source'];
  title: string | undefined;
}) {
  const t = useT();
  const imported = isImportedDocument(source.document);
  const document =
    source.document === TYPED_EDITS_DOCUMENT_ID ? (
      t('organisation.typedEdits')
    ) : source.document === PLAN_SOURCE_DOCUMENT ? (
      t('organisation.planSource')
    ) : title === undefined || imported ? (
      <span translate="no">{title ?? source.document}</span>
    ) : (
      <span lang="en">{title}</span>
    );
  return (
    <>
      {document}
      {source.row === null ? '' : `, ${t('organisation.sourceRow', source.row, imported)}`}
    </>
  );
}

function OrganisationDetails({ id }: { id: string }) {
  const t = useT();
  const names = useHarta(selectNames);
  const documents = useHarta((state) => state.dataset.documents);
  const filtered = useHarta(selectFilteredOrganisations);
  const resetFilters = useHarta((state) => state.resetFilters);
  const editState = useHarta((state) => editStateOf(state.edits, state.publishedDataset, id));
  const deleteOrganisation = useHarta((state) => state.deleteOrganisation);
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const organisation = names.organisation(id);
  if (!organisation) return <p>{t('organisation.missing')}</p>;
  if (mode === 'edit' && !organisation.planned) {
    return <OrganisationForm existing={organisation} onDone={() => setMode('view')} />;
  }
  const hidden = !filtered.some((o) => o.id === id);
  const marks = dataMarks(organisation.source);
  const document = documents.find((d) => d.id === organisation.source.document);
  const areaButton = (level: 'county' | 'municipality', areaId: string) => (
    <li key={areaId}>
      <SelectButton target={{ kind: level, id: areaId }}>
        {level === 'county' ? t('organisation.county', names.area(areaId)) : names.area(areaId)}
      </SelectButton>
    </li>
  );
  return (
    <section
      className="organisation-panel"
      aria-label={t('organisation.details', organisation.name)}
    >
      <h2 tabIndex={-1}>
        <span translate="no">{organisation.name}</span>
        {organisation.acronym ? (
          <span className="muted" translate="no">
            {' '}
            ({organisation.acronym})
          </span>
        ) : null}
      </h2>
      <p className="panel-subtitle">
        {names.kind.get(organisation.kind) ?? organisation.kind}
        {editState ? (
          <span className={`edit-badge ${editState}`}>{t('organisation.edited', editState)}</span>
        ) : null}
      </p>
      {organisation.planned ? null : (
        <p className="button-row">
          <button type="button" className="secondary-button" onClick={() => setMode('edit')}>
            {t('organisation.edit')}
          </button>
          {mode === 'confirm-delete' ? (
            <span role="alert">
              {t('organisation.deleteQuestion', 'before')}
              <span translate="no">{organisation.name}</span>
              {t('organisation.deleteQuestion', 'after')}{' '}
              <button
                type="button"
                className="secondary-button"
                onClick={() => deleteOrganisation(organisation.id)}
              >
                {t('organisation.deleteYes')}
              </button>{' '}
              <button type="button" className="secondary-button" onClick={() => setMode('view')}>
                {t('organisation.deleteNo')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="secondary-button"
              onClick={() => setMode('confirm-delete')}
            >
              {t('organisation.delete')}
            </button>
          )}
        </p>
      )}
      {hidden ? (
        <p className="notice" role="status">
          {t('organisation.filteredOut')}{' '}
          <button type="button" className="link-button" onClick={resetFilters}>
            {t('filters.clear')}
          </button>
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('organisation.website')}</dt>
        <dd>
          <SafeLink url={organisation.website} />
        </dd>
        <dt>{t('organisation.where')}</dt>
        <dd>
          {organisation.scope === 'national' ? (
            <span>
              {t('organisation.nationwide')}{' '}
              <Verbatim marks={marks}>{organisation.geographicFocus}</Verbatim>
            </span>
          ) : (
            <>
              <ul className="link-list inline">
                {organisation.municipalityIds.map((areaId) => areaButton('municipality', areaId))}
                {organisation.countyIds.map((areaId) => areaButton('county', areaId))}
              </ul>
              <span className="muted">
                {t('organisation.asWritten')}{' '}
                <Verbatim marks={marks}>{organisation.geographicFocus}</Verbatim>
              </span>
            </>
          )}
          {organisation.unresolvedPlaces.length > 0 ? (
            <p className="muted">
              {t('organisation.unresolved')}{' '}
              <span translate="no">{organisation.unresolvedPlaces.join(', ')}</span>
            </p>
          ) : null}
        </dd>
        <dt>{t('organisation.theme')}</dt>
        <dd {...marks}>{organisation.theme}</dd>
        <dt>{t('organisation.activityTypes')}</dt>
        <dd>
          {organisation.activityTypes.map((type) => (
            <span key={type} className="chip present">
              {names.activityType.get(type) ?? type}
            </span>
          ))}
        </dd>
        <dt>{t('organisation.focus')}</dt>
        <dd>
          {organisation.focusTypes.map((type) => (
            <span key={type} className="chip present">
              {names.focusType.get(type) ?? type}
            </span>
          ))}
          <span className="muted">
            {' '}
            {t('organisation.asWritten')}{' '}
            <Verbatim marks={marks}>{organisation.focusOfActivities}</Verbatim>
          </span>
        </dd>
        <dt>{t('organisation.source')}</dt>
        <dd>
          <SourceText source={organisation.source} title={document?.title} />
        </dd>
        {organisation.notes ? (
          <>
            <dt>{t('organisation.notes')}</dt>
            <dd className="notes" {...marks}>
              {organisation.notes}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** The selected organisation; the filtered list to pick one from otherwise. */
export function OrganisationPanel() {
  const t = useT();
  const lang = useHarta((state) => state.lang);
  const selection = useHarta((state) => state.selection);
  const organisations = useHarta(selectFilteredOrganisations);
  const names = useHarta(selectNames);
  if (selection?.kind === 'organisation') {
    // Keyed: an edit form open on one record never carries over to the next one chosen.
    return <OrganisationDetails key={selection.id} id={selection.id} />;
  }
  return (
    <div>
      <p className="panel-intro">
        {t('organisation.listIntro', {
          n: organisations.length,
          shown: formatNumber(lang, organisations.length),
        })}
      </p>
      <ul className="link-list organisation-list">
        {organisations.map((organisation) => (
          <li key={organisation.id}>
            <SelectButton target={{ kind: 'organisation', id: organisation.id }}>
              <span translate="no">{organisation.name}</span>
            </SelectButton>{' '}
            <span className="muted">
              {organisation.scope === 'national'
                ? t('organisation.listNationwide')
                : [...organisation.municipalityIds, ...organisation.countyIds]
                    .map(names.area)
                    .join(', ')}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
