import { EvidenceSource } from './evidence-source';
import type { FocusEvent } from 'react';
import type { Overlap } from '../domain/overlap';
import { formatNumber } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { selectNames, selectOverlaps } from '../store/selectors';
import { useHarta } from '../store/store-context';
import { SelectButton } from './select-button';
import './overlap.css';

function OverlapWarning({
  overlap,
  showContext,
}: {
  overlap: Overlap;
  /** The documents' remarks on a municipality are quoted once, on its most crowded warning. */
  showContext: boolean;
}) {
  const t = useT();
  const lang = useHarta((state) => state.lang);
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
          {t('overlap.organisations', {
            n: overlap.count,
            shown: formatNumber(lang, overlap.count),
          })}
        </span>
      </h3>
      <ul className="overlap-organisations" aria-label={t('overlap.doing', activity, municipality)}>
        {overlap.organisations.map((id) => {
          const organisation = names.organisation(id);
          return (
            <li key={id}>
              <SelectButton target={{ kind: 'organisation', id }}>
                <span translate="no">{organisation?.name ?? id}</span>
              </SelectButton>
              {organisation?.planned ? (
                <span className="planned-mark">{t('overlap.planned')}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {overlap.organisations.length > overlap.count ? (
        <p className="overlap-note">{t('overlap.countedOnce')}</p>
      ) : null}
      {focus.length > 0 ? (
        <p className="overlap-note">
          {t('overlap.sharedFocus', overlap.organisations.length, focus)}
        </p>
      ) : null}
      {overlap.context.length > 0 ? (
        showContext ? (
          <div className="overlap-context">
            <p className="overlap-note">{t('overlap.context', municipality)}</p>
            {overlap.context.map((item, index) => (
              // Quotes, document titles, their places in them and curation notes are verbatim.
              <figure key={index} className="evidence">
                <blockquote lang="en">{item.quote}</blockquote>
                <figcaption>
                  <EvidenceSource
                    title={names.document(item.document)}
                    location={item.location}
                    note={item.note}
                  />
                </figcaption>
              </figure>
            ))}
          </div>
        ) : (
          <p className="overlap-note muted">{t('overlap.contextAbove', municipality)}</p>
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
  const t = useT();
  const lang = useHarta((state) => state.lang);
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
    // The side panel has no heading of its own: its tab names the panel, so the panel's h2
    // (for screen readers) comes before the warnings' h3s.
    <div className="overlap-panel">
      <h2 className="visually-hidden">{t('overlap.title')}</h2>
      <p className="panel-intro">{t('overlap.intro', scenario === 'planned')}</p>
      {overlaps.length === 0 ? (
        <p className="overlap-empty">
          {t('overlap.empty', filtered)}{' '}
          {filtered ? (
            <button type="button" className="link-button" onClick={resetFilters}>
              {t('filters.clear')}
            </button>
          ) : null}
        </p>
      ) : (
        <>
          <p className="overlap-summary">
            {t(
              'overlap.summary',
              { n: overlaps.length, shown: formatNumber(lang, overlaps.length) },
              { n: municipalities.size, shown: formatNumber(lang, municipalities.size) },
            )}
          </p>
          <ol className="overlap-list" aria-label={t('overlap.listLabel')}>
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
