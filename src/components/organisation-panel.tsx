import { useState } from 'react';
import { editStateOf, sourceRowLabel } from '../domain/local-edits';
import { normaliseWebsite } from '../domain/website';
import { selectFilteredOrganisations, selectNames } from '../store/selectors';
import { useHarta } from '../store/store-context';
import { OrganisationForm } from './organisation-form';
import { SelectButton } from './select-button';

/** A link only for a checked http(s) address; anything else is shown as text. */
export function SafeLink({ url }: { url: string | null }) {
  if (url === null) return <span className="muted">none given</span>;
  const safe = normaliseWebsite(url).url;
  if (safe === null) return <span>{url}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {new URL(safe).hostname.replace(/^www\./, '')}
    </a>
  );
}

function OrganisationDetails({ id }: { id: string }) {
  const names = useHarta(selectNames);
  const documents = useHarta((state) => state.dataset.documents);
  const filtered = useHarta(selectFilteredOrganisations);
  const resetFilters = useHarta((state) => state.resetFilters);
  const editState = useHarta((state) => editStateOf(state.edits, state.publishedDataset, id));
  const deleteOrganisation = useHarta((state) => state.deleteOrganisation);
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const organisation = names.organisation(id);
  if (!organisation) return <p>This organisation is not in the data.</p>;
  if (mode === 'edit' && !organisation.planned) {
    return <OrganisationForm existing={organisation} onDone={() => setMode('view')} />;
  }
  const rowLabel = sourceRowLabel(organisation.source);
  const hidden = !filtered.some((o) => o.id === id);
  const document = documents.find((d) => d.id === organisation.source.document);
  const areaButton = (level: 'county' | 'municipality', areaId: string) => (
    <li key={areaId}>
      <SelectButton target={{ kind: level, id: areaId }}>
        {names.area(areaId)}
        {level === 'county' ? ' county' : ''}
      </SelectButton>
    </li>
  );
  return (
    <section
      className="organisation-panel"
      aria-label={`${organisation.name}: organisation details`}
    >
      <h2 tabIndex={-1}>
        {organisation.name}
        {organisation.acronym ? <span className="muted"> ({organisation.acronym})</span> : null}
      </h2>
      <p className="panel-subtitle">
        {names.kind.get(organisation.kind) ?? organisation.kind}
        {editState ? (
          <span className={`edit-badge ${editState}`}>
            {editState === 'added' ? 'Added in this browser' : 'Changed in this browser'}
          </span>
        ) : null}
      </p>
      {organisation.planned ? null : (
        <p className="button-row">
          <button type="button" className="secondary-button" onClick={() => setMode('edit')}>
            Edit
          </button>
          {mode === 'confirm-delete' ? (
            <span role="alert">
              Delete “{organisation.name}” from this browser’s data?{' '}
              <button
                type="button"
                className="secondary-button"
                onClick={() => deleteOrganisation(organisation.id)}
              >
                Yes, delete
              </button>{' '}
              <button type="button" className="secondary-button" onClick={() => setMode('view')}>
                Keep it
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="secondary-button"
              onClick={() => setMode('confirm-delete')}
            >
              Delete…
            </button>
          )}
        </p>
      )}
      {hidden ? (
        <p className="notice" role="status">
          The current filters leave this organisation out: the map, the gaps and the charts do not
          count it.{' '}
          <button type="button" className="link-button" onClick={resetFilters}>
            Clear filters
          </button>
        </p>
      ) : null}
      <dl className="facts">
        <dt>Website</dt>
        <dd>
          <SafeLink url={organisation.website} />
        </dd>
        <dt>Where</dt>
        <dd>
          {organisation.scope === 'national' ? (
            <span>Nationwide: “{organisation.geographicFocus}”</span>
          ) : (
            <>
              <ul className="link-list inline">
                {organisation.municipalityIds.map((areaId) => areaButton('municipality', areaId))}
                {organisation.countyIds.map((areaId) => areaButton('county', areaId))}
              </ul>
              <span className="muted">As written: “{organisation.geographicFocus}”</span>
            </>
          )}
          {organisation.unresolvedPlaces.length > 0 ? (
            <p className="muted">
              Not in the gazetteer: {organisation.unresolvedPlaces.join(', ')}
            </p>
          ) : null}
        </dd>
        <dt>Theme (as written)</dt>
        <dd>{organisation.theme}</dd>
        <dt>Activity types</dt>
        <dd>
          {organisation.activityTypes.map((type) => (
            <span key={type} className="chip present">
              {names.activityType.get(type) ?? type}
            </span>
          ))}
        </dd>
        <dt>Focus</dt>
        <dd>
          {organisation.focusTypes.map((type) => (
            <span key={type} className="chip present">
              {names.focusType.get(type) ?? type}
            </span>
          ))}
          <span className="muted"> As written: “{organisation.focusOfActivities}”</span>
        </dd>
        <dt>Source</dt>
        <dd>
          {document?.title ?? organisation.source.document}
          {rowLabel ? `, ${rowLabel}` : ''}
        </dd>
        {organisation.notes ? (
          <>
            <dt>Notes</dt>
            <dd className="notes">{organisation.notes}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** The selected organisation; the filtered list to pick one from otherwise. */
export function OrganisationPanel() {
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
        {organisations.length} organisations under the current filters. Pick one to see where it
        works.
      </p>
      <ul className="link-list organisation-list">
        {organisations.map((organisation) => (
          <li key={organisation.id}>
            <SelectButton target={{ kind: 'organisation', id: organisation.id }}>
              {organisation.name}
            </SelectButton>{' '}
            <span className="muted">
              {organisation.scope === 'national'
                ? 'nationwide'
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
