import { useId, useState } from 'react';
import type { OverlapRow } from '../domain/overlap';
import { selectMunicipalityCoverage, selectNames, selectOverlapMatrix } from '../store/selectors';
import { useHarta } from '../store/store-context';
import './overlap.css';

/** Cells with at least this many distinct organisations are overlaps (as in `findOverlaps`). */
const OVERLAP_THRESHOLD = 2;

/** "1 organisation", "3 organisations". */
function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Shade step of a count: 0 none, 1 one, 2 two, 3 three or four, 4 five or more. */
function shade(count: number): number {
  if (count >= 5) return 4;
  if (count >= 3) return 3;
  return count;
}

/**
 * A column header's visible part and the rest of the label (kept for screen readers and the
 * tooltip): "Awareness" + " and informative sessions", "Advocacy" + ", policy and action plans".
 */
function splitLabel(label: string): [string, string] {
  const match = /,| and /.exec(label);
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
    return `${organisation?.name ?? id}${organisation?.planned ? ' (planned)' : ''}`;
  };
  const hasPlanned = (ids: string[]) => ids.some((id) => names.organisation(id)?.planned);
  const filterLabels = columns.filter((column) => column.filtered).map((column) => column.label);

  return (
    <div className="overlap-matrix">
      <h2>Overlap: who does the same thing where</h2>
      <p className="overlap-legend">
        Each cell counts the organisations that name the municipality and do the activity type:{' '}
        <span className="overlap-swatch shade-1">1</span> one,{' '}
        <span className="overlap-swatch shade-2 overlap">2</span>{' '}
        <span className="overlap-swatch shade-3 overlap">3–4</span>{' '}
        <span className="overlap-swatch shade-4 overlap">5+</span> an overlap (bold, darker for
        more). County-wide and nationwide organisations are not counted.
        {scenario === 'planned' ? ' “p”: includes a planned intervention.' : ''} Select a
        municipality to open it; select an activity type to filter by it (again to remove the
        filter).
      </p>
      {filterLabels.length > 0 ? (
        <p className="overlap-filter-note">
          Activity filter on: only organisations doing {filterLabels.join(' or ')} are counted, in
          every column; the last column counts overlaps in the selected types only, as the Overlap
          panel does.
        </p>
      ) : null}
      <label className="toggle">
        <input
          type="checkbox"
          checked={showAll}
          onChange={(event) => setShowAll(event.target.checked)}
        />
        Show all municipalities, also those no organisation names
      </label>
      {rows.length === 0 ? (
        <p className="overlap-empty">
          No organisation passing the current filters names a municipality.
        </p>
      ) : null}
      <div className="overlap-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="overlap-table">
          <caption id={captionId}>
            Organisations per municipality and activity type
            {scenario === 'planned' ? ', with planned interventions' : ''}:{' '}
            {showAll
              ? `all ${matrix.rows.length} municipalities`
              : `${rows.length} of ${matrix.rows.length} municipalities (those some organisation names)`}
            , most overlap first
          </caption>
          <thead>
            <tr>
              <th scope="col" className="overlap-corner">
                Municipality
              </th>
              {columns.map((column) => (
                <th key={column.id} scope="col" className="overlap-type">
                  <button
                    type="button"
                    className="overlap-type-button"
                    aria-pressed={column.filtered}
                    title={`${column.label}: ${column.filtered ? 'remove from' : 'add to'} the activity filter`}
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
                {filterLabels.length > 0 ? 'Selected types with overlap' : 'Types with overlap'}
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
                    const label =
                      count === 0
                        ? `${name}, ${column.label}: no organisation`
                        : `${name}, ${column.label}: ${plural(count, 'organisation', 'organisations')}${
                            overlap ? ' (overlap)' : ''
                          }: ${ids.map(organisationLabel).join(', ')}`;
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
                            {count}
                            {planned ? <sup aria-hidden="true">p</sup> : null}
                            {overlap ? <span className="visually-hidden"> overlap</span> : null}
                          </>
                        )}
                      </td>
                    );
                  })}
                  <td className={overlaps > 0 ? 'overlap-total' : 'overlap-total none'}>
                    {overlaps}
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
