import { PRESENCE_WEIGHTS } from '../domain/coverage';
import { selectGapRanking, selectNames } from '../store/selectors';
import { useHarta } from '../store/store-context';
import { HotspotBadge } from './hotspot-badge';

/** Municipalities ranked from most to least underserved under the current filters. */
export function GapsPanel() {
  const ranking = useHarta(selectGapRanking);
  const names = useHarta(selectNames);
  const countNationwide = useHarta((state) => state.countNationwide);
  const setCountNationwide = useHarta((state) => state.setCountNationwide);
  const select = useHarta((state) => state.select);
  const hover = useHarta((state) => state.hover);
  const hovered = useHarta((state) => state.hovered);
  const selection = useHarta((state) => state.selection);
  const municipalities = useHarta((state) => state.gazetteer.municipalities);
  const activityTypeCount = useHarta((state) => state.dataset.activityTypes.length);
  const filteredTypes = useHarta((state) => state.filters.activityTypes);
  const consideredCount = filteredTypes.length > 0 ? filteredTypes.length : activityTypeCount;
  const countyOf = new Map(municipalities.map((m) => [m.id, m.county]));

  return (
    <div className="gaps-panel">
      <p className="panel-intro">
        Municipalities from most to least underserved: hotspots with little or no presence come
        first. Select one to see who works there.
      </p>
      <label className="toggle">
        <input
          type="checkbox"
          checked={countNationwide}
          onChange={(event) => setCountNationwide(event.target.checked)}
        />
        Count nationwide organisations as present everywhere
      </label>
      <details className="formula">
        <summary>How the gap score is computed</summary>
        <p>
          Gap = need × (1 − coverage), from 0 (well served) to 1 (most underserved).{' '}
          <strong>Need</strong> = 0.25 + 0.25 × hotspot level (level 0 when no document names the
          municipality, 3 for a priority for intervention). <strong>Coverage</strong> = 1 − e
          <sup>−presence/2</sup>, where presence counts each organisation naming the municipality as{' '}
          {PRESENCE_WEIGHTS.local}, each naming its whole county as {PRESENCE_WEIGHTS.countyWide}
          {countNationwide ? `, and each nationwide one as ${PRESENCE_WEIGHTS.nationwide}` : ''}.
          Only organisations passing the current filters count.
        </p>
      </details>
      <ol className="gap-list" aria-label="Municipalities ranked by gap">
        {ranking.map((coverage, index) => {
          const missing = coverage.activityTypesMissing.map(
            (id) => names.activityType.get(id) ?? id,
          );
          const selected = selection?.kind === 'municipality' && selection.id === coverage.id;
          return (
            <li key={coverage.id}>
              <button
                type="button"
                className={
                  hovered?.level === 'municipality' && hovered.id === coverage.id
                    ? 'gap-item hovered'
                    : 'gap-item'
                }
                aria-pressed={selected}
                onClick={() => select({ kind: 'municipality', id: coverage.id })}
                onMouseEnter={() => hover({ level: 'municipality', id: coverage.id })}
                onMouseLeave={() => hover(null)}
                onFocus={() => hover({ level: 'municipality', id: coverage.id })}
                onBlur={() => hover(null)}
              >
                <span className="gap-rank">{index + 1}</span>
                <span className="gap-main">
                  <span className="gap-name">
                    {names.area(coverage.id)}{' '}
                    <span className="muted">({names.area(countyOf.get(coverage.id) ?? '')})</span>{' '}
                    <HotspotBadge level={coverage.hotspotLevel} />
                  </span>
                  <span className="gap-counts">
                    {coverage.local.length} local · {coverage.countyWide.length} county-wide ·{' '}
                    {coverage.nationwide.length} nationwide
                    {countNationwide ? '' : ' (not counted)'}
                  </span>
                  <span className="gap-missing">
                    {missing.length === 0
                      ? filteredTypes.length > 0
                        ? 'Every selected activity type is covered'
                        : 'Every activity type is covered'
                      : `Nobody here: ${missing.length} of ${consideredCount} ${filteredTypes.length > 0 ? 'selected ' : ''}activity types (${missing.join(', ')})`}
                  </span>
                </span>
                <span
                  className="gap-score"
                  aria-label={`gap score ${coverage.gapScore.toFixed(2)}`}
                >
                  <span
                    className="gap-bar"
                    style={{ width: `${Math.round(coverage.gapScore * 100)}%` }}
                  />
                  <span className="gap-value">{coverage.gapScore.toFixed(2)}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
