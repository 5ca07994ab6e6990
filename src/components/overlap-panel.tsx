import type { FocusEvent } from 'react';
import type { Overlap } from '../domain/overlap';
import { selectNames, selectOverlaps } from '../store/selectors';
import { useHarta } from '../store/store-context';
import { SelectButton } from './select-button';
import './overlap.css';

/** "1 organisation", "3 organisations". */
function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "A", "A and B", "A, B and C". */
function joinWithAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function OverlapWarning({
  overlap,
  showContext,
}: {
  overlap: Overlap;
  /** The documents' remarks on a municipality are quoted once, on its most crowded warning. */
  showContext: boolean;
}) {
  const names = useHarta(selectNames);
  const hover = useHarta((state) => state.hover);
  const hovered = useHarta(
    (state) =>
      state.hovered?.level === 'municipality' && state.hovered.id === overlap.municipalityId,
  );
  const municipality = names.area(overlap.municipalityId);
  const activity = names.activityType.get(overlap.activityType) ?? overlap.activityType;
  const area = { level: 'municipality', id: overlap.municipalityId } as const;
  const focus = overlap.sharedFocusTypes.map((id) => names.focusType.get(id) ?? id);
  // Moving focus from one link of the warning to the next keeps the map on the municipality.
  const onBlur = (event: FocusEvent<HTMLLIElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) hover(null);
  };
  return (
    <li
      className={hovered ? 'overlap-warning hovered' : 'overlap-warning'}
      onMouseEnter={() => hover(area)}
      onMouseLeave={() => hover(null)}
      onFocus={() => hover(area)}
      onBlur={onBlur}
    >
      <h3 className="overlap-warning-title">
        <SelectButton target={{ kind: 'municipality', id: overlap.municipalityId }}>
          {municipality}
        </SelectButton>{' '}
        — {activity}:{' '}
        <span className="overlap-count">
          {plural(overlap.count, 'organisation', 'organisations')}
        </span>
      </h3>
      <ul
        className="overlap-organisations"
        aria-label={`Organisations doing ${activity} in ${municipality}`}
      >
        {overlap.organisations.map((id) => {
          const organisation = names.organisation(id);
          return (
            <li key={id}>
              <SelectButton target={{ kind: 'organisation', id }}>
                {organisation?.name ?? id}
              </SelectButton>
              {organisation?.planned ? <span className="planned-mark"> (planned)</span> : null}
            </li>
          );
        })}
      </ul>
      {overlap.organisations.length > overlap.count ? (
        <p className="overlap-note">
          A planned intervention by an organisation already listed counts once.
        </p>
      ) : null}
      {focus.length > 0 ? (
        <p className="overlap-note">
          {overlap.organisations.length === 2 ? 'Both' : 'All'} work on {joinWithAnd(focus)}.
        </p>
      ) : null}
      {overlap.context.length > 0 ? (
        showContext ? (
          <div className="overlap-context">
            <p className="overlap-note">What the documents say about {municipality}:</p>
            {overlap.context.map((item, index) => (
              <figure key={index} className="evidence">
                <blockquote>{item.quote}</blockquote>
                <figcaption>
                  {names.document(item.document)}, {item.location}.
                  {item.note ? ` ${item.note}` : ''}
                </figcaption>
              </figure>
            ))}
          </div>
        ) : (
          <p className="overlap-note muted">
            What the documents say about {municipality} is quoted above.
          </p>
        )
      ) : null}
    </li>
  );
}

/**
 * Municipality × activity type cells where several organisations do the same thing, most
 * crowded first: the side panel's "Overlap" tab.
 */
export function OverlapPanel() {
  const overlaps = useHarta(selectOverlaps);
  const scenario = useHarta((state) => state.scenario);
  const filters = useHarta((state) => state.filters);
  const resetFilters = useHarta((state) => state.resetFilters);
  const municipalities = new Set(overlaps.map((overlap) => overlap.municipalityId));
  const filtered =
    filters.activityTypes.length > 0 ||
    filters.focusTypes.length > 0 ||
    filters.kinds.length > 0 ||
    filters.scope !== 'all' ||
    filters.hotspotsOnly ||
    filters.text.trim() !== '';

  return (
    <div className="overlap-panel">
      <p className="panel-intro">
        An overlap is a municipality where two or more different organisations that name it do the
        same activity type: the report warns of schools receiving the same awareness sessions from
        several CSOs. Organisations working across a whole county or nationwide are not counted,
        since they may never reach that municipality. Only organisations passing the current filters
        count
        {scenario === 'planned' ? '; planned interventions are included and marked (planned)' : ''}.
      </p>
      {overlaps.length === 0 ? (
        <p className="overlap-empty">
          No overlaps{filtered ? ' under the current filters' : ''}: no municipality has two
          organisations naming it for the same activity type.{' '}
          {filtered ? (
            <button type="button" className="link-button" onClick={resetFilters}>
              Clear filters
            </button>
          ) : null}
        </p>
      ) : (
        <>
          <p className="overlap-summary">
            {plural(overlaps.length, 'overlap', 'overlaps')} in{' '}
            {plural(municipalities.size, 'municipality', 'municipalities')}, most crowded first.
          </p>
          <ol className="overlap-list" aria-label="Overlaps, most crowded first">
            {overlaps.map((overlap, index) => (
              <OverlapWarning
                key={`${overlap.municipalityId}:${overlap.activityType}`}
                overlap={overlap}
                showContext={
                  overlaps.findIndex((other) => other.municipalityId === overlap.municipalityId) ===
                  index
                }
              />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
