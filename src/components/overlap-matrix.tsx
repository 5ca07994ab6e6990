import { useId, useState } from 'react';
import type { OverlapRow } from '../domain/overlap';
import { formatNumber } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { selectMunicipalityCoverage, selectNames, selectOverlapMatrix } from '../store/selectors';
import { useHarta } from '../store/store-context';
import './overlap.css';

/** Cells with at least this many distinct organisations are overlaps (as in `findOverlaps`). */
const OVERLAP_THRESHOLD = 2;

/**
 * How many organisations a cell's tooltip and accessible name list by name. With a national
 * 3W sheet a cell can hold well over a thousand: a list that long is read by no one (the area
 * panel lists them all) and made every filter change rebuild megabytes of labels.
 */
const NAMES_PER_CELL = 10;

/** Shade step of a count: 0 none, 1 one, 2 two, 3 three or four, 4 five or more. */
function shade(count: number): number {
  if (count >= 5) return 4;
  if (count >= 3) return 3;
  return count;
}

/**
 * A column header's visible part and the rest of the label (kept for screen readers and the
 * tooltip): "Awareness" + " and informative sessions", "Advocacy" + ", policy and action plans"
 * (and the same at "dhe" in Albanian).
 */
function splitLabel(label: string): [string, string] {
  const match = /,| and | dhe /.exec(label);
  if (!match || match.index === 0) return [label, ''];
  return [label.slice(0, match.index), label.slice(match.index)];
}

interface RowView {
  row: OverlapRow;
  name: string;
  /** Activity types with an overlap here (of those the activity filter selects, when it is on). */
  overlaps: number;
  /** Organisations beyond the first, summed over the overlapping cells: the first tie-breaker. */
  excess: number;
  /** Organisations naming the municipality: the second, so empty rows come last. */
  present: number;
}

/**
 * The overlap heatmap: municipalities × activity types, each cell the number of organisations
 * naming the municipality that do the activity type. A table, so it reads cell by cell with a
 * screen reader and row by row on a projector.
 */
export function OverlapMatrix() {
  const t = useT();
  const lang = useHarta((state) => state.lang);
  const matrix = useHarta(selectOverlapMatrix);
  const coverage = useHarta(selectMunicipalityCoverage);
  const names = useHarta(selectNames);
  const selection = useHarta((state) => state.selection);
  const hovered = useHarta((state) => state.hovered);
  const activityFilter = useHarta((state) => state.filters.activityTypes);
  const scenario = useHarta((state) => state.scenario);
  const select = useHarta((state) => state.select);
  const hover = useHarta((state) => state.hover);
  const toggleActivityType = useHarta((state) => state.toggleActivityType);
  const [showAll, setShowAll] = useState(false);
  const captionId = useId();

  const named = (id: string) => (coverage.get(id)?.counts.local ?? 0) > 0;
  // Under an activity filter the Overlap panel lists only the selected types' overlaps: the
  // totals and the order count the same ones (the other columns stay visible, for context).
  const counted = (index: number) =>
    activityFilter.length === 0 || activityFilter.includes(matrix.activityTypes[index] ?? '');
  const overlapCounts = (row: OverlapRow) =>
    row.counts.filter((count, index) => counted(index) && count >= OVERLAP_THRESHOLD);
  const rows: RowView[] = matrix.rows
    .filter((row) => showAll || named(row.municipalityId))
    .map((row) => ({
      row,
      name: names.area(row.municipalityId),
      present: coverage.get(row.municipalityId)?.counts.local ?? 0,
      overlaps: overlapCounts(row).length,
      excess: overlapCounts(row).reduce((sum, count) => sum + count - 1, 0),
    }))
    .sort(
      (a, b) =>
        b.overlaps - a.overlaps ||
        b.excess - a.excess ||
        b.present - a.present ||
        a.name.localeCompare(b.name, 'sq'),
    );
  const columns = matrix.activityTypes.map((id) => {
    const label = names.activityType.get(id) ?? id;
    return { id, label, parts: splitLabel(label), filtered: activityFilter.includes(id) };
  });
  const organisationLabel = (id: string) => {
    const organisation = names.organisation(id);
    return `${organisation?.name ?? id}${organisation?.planned ? t('overlap.planned') : ''}`;
  };
  const hasPlanned = (ids: string[]) => ids.some((id) => names.organisation(id)?.planned);
  const cellNames = (ids: string[]) => {
    const listed = ids.slice(0, NAMES_PER_CELL).map(organisationLabel).join(', ');
    const more = ids.length - NAMES_PER_CELL;
    return more > 0
      ? `${listed}, ${t('overlap.matrix.moreNames', { n: more, shown: formatNumber(lang, more) })}`
      : listed;
  };
  const filterLabels = columns.filter((column) => column.filtered).map((column) => column.label);

  return (
    <div className="overlap-matrix">
      <h2>{t('overlap.matrix.title')}</h2>
      <p className="overlap-legend">
        {t('overlap.matrix.legend')} <span className="overlap-swatch shade-1">1</span>{' '}
        {t('overlap.matrix.legendOne')} <span className="overlap-swatch shade-2 overlap">2</span>{' '}
        <span className="overlap-swatch shade-3 overlap">3–4</span>{' '}
        <span className="overlap-swatch shade-4 overlap">5+</span>{' '}
        {t('overlap.matrix.legendOverlap')} {t('overlap.matrix.legendRest', scenario === 'planned')}
      </p>
      {filterLabels.length > 0 ? (
        <p className="overlap-filter-note">{t('overlap.matrix.filterNote', filterLabels)}</p>
      ) : null}
      <label className="toggle">
        <input
          type="checkbox"
          checked={showAll}
          onChange={(event) => setShowAll(event.target.checked)}
        />
        {t('overlap.matrix.showAll')}
      </label>
      {rows.length === 0 ? <p className="overlap-empty">{t('overlap.matrix.empty')}</p> : null}
      <div className="overlap-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="overlap-table">
          <caption id={captionId}>
            {t('overlap.matrix.caption', {
              planned: scenario === 'planned',
              showAll,
              shown: formatNumber(lang, rows.length),
              total: formatNumber(lang, matrix.rows.length),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="overlap-corner">
                {t('overlap.matrix.municipality')}
              </th>
              {columns.map((column) => (
                <th key={column.id} scope="col" className="overlap-type">
                  <button
                    type="button"
                    className="overlap-type-button"
                    aria-pressed={column.filtered}
                    title={t('overlap.matrix.toggleType', column.label, column.filtered)}
                    onClick={() => toggleActivityType(column.id)}
                  >
                    {column.parts[0]}
                    {column.parts[1] ? (
                      <span className="visually-hidden">{column.parts[1]}</span>
                    ) : null}
                  </button>
                </th>
              ))}
              <th scope="col" className="overlap-total">
                {t('overlap.matrix.total', filterLabels.length > 0)}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, name, overlaps }) => {
              const id = row.municipalityId;
              const isSelected = selection?.kind === 'municipality' && selection.id === id;
              const isHovered = hovered?.level === 'municipality' && hovered.id === id;
              return (
                <tr
                  key={id}
                  className={[isSelected ? 'selected' : '', isHovered ? 'hovered' : '']
                    .join(' ')
                    .trim()}
                >
                  <th scope="row" className="overlap-municipality">
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={isSelected}
                      onClick={() => select({ kind: 'municipality', id })}
                      onMouseEnter={() => hover({ level: 'municipality', id })}
                      onMouseLeave={() => hover(null)}
                      onFocus={() => hover({ level: 'municipality', id })}
                      onBlur={() => hover(null)}
                    >
                      {name}
                    </button>
                  </th>
                  {columns.map((column, index) => {
                    const count = row.counts[index] ?? 0;
                    const ids = row.cells[index] ?? [];
                    const overlap = count >= OVERLAP_THRESHOLD;
                    const planned = hasPlanned(ids);
                    const label = t('overlap.matrix.cell', {
                      municipality: name,
                      activity: column.label,
                      organisations:
                        count === 0
                          ? null
                          : t('overlap.organisations', {
                              n: count,
                              shown: formatNumber(lang, count),
                            }),
                      overlap,
                      names: cellNames(ids),
                    });
                    return (
                      <td
                        key={column.id}
                        className={`overlap-cell shade-${shade(count)}${overlap ? ' overlap' : ''}`}
                        title={label}
                        aria-label={label}
                      >
                        {count === 0 ? (
                          <span aria-hidden="true">·</span>
                        ) : (
                          <>
                            {formatNumber(lang, count)}
                            {planned ? <sup aria-hidden="true">p</sup> : null}
                            {overlap ? (
                              <span className="visually-hidden">
                                {t('overlap.matrix.cellOverlap')}
                              </span>
                            ) : null}
                          </>
                        )}
                      </td>
                    );
                  })}
                  <td className={overlaps > 0 ? 'overlap-total' : 'overlap-total none'}>
                    {formatNumber(lang, overlaps)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
