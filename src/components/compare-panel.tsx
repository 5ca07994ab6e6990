import { useId, useState, type ReactNode } from 'react';
import {
  areaDisplayName,
  compareAreas,
  describeComparison,
  summariseArea,
  type AreaSummary,
  type CompareRow,
} from '../domain/area-summary';
import { PLAN_ORGANISATION_PREFIX } from '../domain/plan';
import type { AreaRef } from '../domain/view-state';
import {
  selectCountyCoverage,
  selectCountyGapRanking,
  selectFilteredOrganisations,
  selectGapRanking,
  selectMunicipalityCoverage,
  selectNames,
} from '../store/selectors';
import { useHarta } from '../store/store-context';
import { HotspotBadge } from './hotspot-badge';
import { SelectButton } from './select-button';
import './compare.css';

const SLOTS = [0, 1] as const;
const LETTER = ['A', 'B'] as const;

/** "municipality:AL112" / "county:AL011": an area as a `<select>` value ('' = none). */
const areaValue = (area: AreaRef | null) => (area ? `${area.level}:${area.id}` : '');

function areaFromValue(value: string): AreaRef | null {
  const colon = value.indexOf(':');
  const level = value.slice(0, colon);
  const id = value.slice(colon + 1);
  if (colon < 1 || id === '') return null;
  return level === 'municipality' || level === 'county' ? { level, id } : null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function AreaPicker({ slot }: { slot: 0 | 1 }) {
  const id = useId();
  const gazetteer = useHarta((state) => state.gazetteer);
  const area = useHarta((state) => state.compare[slot]);
  const setCompare = useHarta((state) => state.setCompare);
  const letter = LETTER[slot];
  return (
    <div className="compare-picker">
      <label htmlFor={id}>Area {letter}</label>
      <div className="compare-picker-row">
        <select
          id={id}
          value={areaValue(area)}
          onChange={(event) => setCompare(slot, areaFromValue(event.target.value))}
        >
          <option value="">Choose a county or municipality…</option>
          {gazetteer.counties.map((county) => (
            <optgroup key={county.id} label={county.name}>
              <option value={areaValue({ level: 'county', id: county.id })}>
                {county.name} county
              </option>
              {gazetteer.municipalities
                .filter((m) => m.county === county.id)
                .map((m) => (
                  <option key={m.id} value={areaValue({ level: 'municipality', id: m.id })}>
                    {m.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <button
          type="button"
          aria-label={`Clear area ${letter}`}
          onClick={() => setCompare(slot, null)}
          disabled={area === null}
        >
          Clear
        </button>
      </div>
    </div>
  );
}

function OrganisationList({ ids }: { ids: readonly string[] }) {
  const names = useHarta(selectNames);
  if (ids.length === 0) return <span className="muted">None</span>;
  return (
    <ul className="compare-organisations">
      {ids.map((id) => {
        const organisation = names.organisation(id);
        const planned =
          organisation?.planned !== undefined || id.startsWith(PLAN_ORGANISATION_PREFIX);
        return (
          <li key={id}>
            <SelectButton target={{ kind: 'organisation', id }}>
              {organisation?.name ?? id}
              {planned ? ' (planned)' : ''}
            </SelectButton>
          </li>
        );
      })}
    </ul>
  );
}

/** One row of figures: a label, then what each side shows ("—" for a side not chosen). */
function FigureRow({
  label,
  sides,
  render,
}: {
  label: string;
  sides: readonly (AreaSummary | null)[];
  render: (summary: AreaSummary, slot: 0 | 1) => ReactNode;
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {SLOTS.map((slot) => {
        const summary = sides[slot] ?? null;
        return <td key={slot}>{summary === null ? <NotChosen /> : render(summary, slot)}</td>;
      })}
    </tr>
  );
}

function NotChosen() {
  return (
    <span className="muted">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">not chosen</span>
    </span>
  );
}

function Presence({ value }: { value: boolean | null }) {
  if (value === null) return <NotChosen />;
  return value ? (
    <span className="compare-yes">
      <span aria-hidden="true">✓ </span>Yes
    </span>
  ) : (
    <span className="compare-no">
      <span aria-hidden="true">✗ </span>No
    </span>
  );
}

function TypeRows({
  title,
  rows,
  onlyDifferences,
}: {
  title: string;
  rows: readonly CompareRow[];
  onlyDifferences: boolean;
}) {
  const shown = onlyDifferences ? rows.filter((row) => row.differs) : rows;
  return (
    <tbody>
      <tr className="compare-section">
        <th scope="rowgroup" colSpan={3}>
          {title}
        </th>
      </tr>
      {shown.length === 0 ? (
        <tr>
          <td colSpan={3} className="muted">
            {onlyDifferences ? `No differences in ${title.toLowerCase()}.` : 'None to compare.'}
          </td>
        </tr>
      ) : (
        shown.map((row) => (
          <tr key={row.id} className={row.differs ? 'differs' : undefined}>
            <th scope="row">
              {row.label}
              {row.differs ? <span className="compare-differs-mark">differs</span> : null}
            </th>
            <td>
              <Presence value={row.inA} />
            </td>
            <td>
              <Presence value={row.inB} />
            </td>
          </tr>
        ))
      )}
    </tbody>
  );
}

function Kind({ summary }: { summary: AreaSummary }) {
  if (summary.level === 'county') {
    return (
      <>County (qark), {plural(summary.municipalityCount, 'municipality', 'municipalities')}</>
    );
  }
  return (
    <>
      Municipality in{' '}
      <SelectButton target={{ kind: 'county', id: summary.countyId }}>
        {summary.countyName} county
      </SelectButton>
    </>
  );
}

function Hotspot({ summary }: { summary: AreaSummary }) {
  const passages = plural(summary.evidenceCount, 'passage', 'passages');
  const ofCounty =
    summary.level === 'county'
      ? `highest of its municipalities; ${summary.hotspotMunicipalityCount} of ${summary.municipalityCount} are hotspots, `
      : '';
  if (summary.hotspotLevel === 0) {
    return (
      <>
        Not named as a hotspot
        {summary.level === 'county' ? ' (none of its municipalities)' : ''}
      </>
    );
  }
  return (
    <>
      <HotspotBadge level={summary.hotspotLevel} /> level {summary.hotspotLevel}{' '}
      <span className="muted">
        ({ofCounty}
        {passages})
      </span>
    </>
  );
}

function Gap({ summary, other }: { summary: AreaSummary; other: AreaSummary | null }) {
  const higher = other !== null && summary.gapScore > other.gapScore;
  // A third decimal when two decimals would print different scores the same.
  const close =
    other !== null &&
    other.gapScore !== summary.gapScore &&
    other.gapScore.toFixed(2) === summary.gapScore.toFixed(2);
  return (
    <>
      <strong>{summary.gapScore.toFixed(close ? 3 : 2)}</strong>
      {higher ? <span className="compare-higher">higher</span> : null}
      {summary.gapRank !== null ? (
        <span className="muted compare-rank">
          rank {summary.gapRank} of {summary.rankOutOf}
          {summary.level === 'county' ? ' counties' : ''}
        </span>
      ) : null}
    </>
  );
}

/**
 * Two areas side by side (a municipality or a county on each side, any mix): hotspot level,
 * gap and rank, who works there, and the activity and focus types present in one, both or
 * neither, with the differences marked.
 */
export function ComparePanel() {
  const compare = useHarta((state) => state.compare);
  const setCompare = useHarta((state) => state.setCompare);
  const gazetteer = useHarta((state) => state.gazetteer);
  const dataset = useHarta((state) => state.dataset);
  const selectedTypes = useHarta((state) => state.filters.activityTypes);
  const scenario = useHarta((state) => state.scenario);
  const organisations = useHarta(selectFilteredOrganisations);
  const municipalityCoverage = useHarta(selectMunicipalityCoverage);
  const countyCoverage = useHarta(selectCountyCoverage);
  const gapRanking = useHarta(selectGapRanking);
  const countyGapRanking = useHarta(selectCountyGapRanking);
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const toggleId = useId();

  const input = {
    gazetteer,
    dataset,
    organisations,
    municipalityCoverage,
    countyCoverage,
    gapRanking,
    countyGapRanking,
    activityTypesConsidered: selectedTypes,
  };
  const sides = compare.map((area) => (area === null ? null : summariseArea(area, input)));
  const a = sides[0] ?? null;
  const b = sides[1] ?? null;
  const consideredTypes =
    selectedTypes.length > 0
      ? dataset.activityTypes.filter((type) => selectedTypes.includes(type.id))
      : dataset.activityTypes;
  const rows = compareAreas(a, b, consideredTypes, dataset.focusTypes);
  const differing = rows.filter((row) => row.differs).length;
  const both = a !== null && b !== null;
  const only = a ?? b;

  const swap = () => {
    const [first, second] = compare;
    setCompare(0, second);
    setCompare(1, first);
  };

  return (
    <section className="compare-panel" aria-label="Compare two areas">
      <h2 tabIndex={-1}>Compare two areas</h2>
      <div className="compare-pickers">
        <AreaPicker slot={0} />
        <button
          type="button"
          className="compare-swap"
          onClick={swap}
          disabled={compare[0] === null && compare[1] === null}
        >
          <span aria-hidden="true">⇄ </span>Swap A and B
        </button>
        <AreaPicker slot={1} />
      </div>
      {a === null && b === null ? (
        <p className="panel-intro compare-empty">
          Pick two areas above to see them side by side: two municipalities, two counties, or one of
          each. You can also press “Compare” in an area’s panel; the first area goes to A, the next
          to B.
        </p>
      ) : (
        <>
          <p className="compare-verdict">
            {both
              ? describeComparison(a, b, rows)
              : only !== null
                ? `Pick a second area to compare with ${areaDisplayName(only)}.`
                : ''}
          </p>
          <div className="compare-options">
            <input
              id={toggleId}
              type="checkbox"
              checked={onlyDifferences}
              disabled={!both}
              onChange={(event) => setOnlyDifferences(event.target.checked)}
            />
            <label htmlFor={toggleId}>Only differences</label>
            {both ? (
              <span className="muted">
                ({differing} of {rows.length} types differ)
              </span>
            ) : null}
          </div>
          <table className="compare-table">
            <caption className="visually-hidden">
              {a ? areaDisplayName(a) : 'Area A'} and {b ? areaDisplayName(b) : 'area B'} side by
              side
            </caption>
            <colgroup>
              <col className="compare-label-column" />
              <col />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Measure</span>
                </th>
                {SLOTS.map((slot) => {
                  const summary = sides[slot] ?? null;
                  return (
                    <th scope="col" key={slot}>
                      <span className="compare-letter">{LETTER[slot]}</span>{' '}
                      {summary === null ? (
                        <span className="muted">not chosen</span>
                      ) : (
                        <SelectButton target={{ kind: summary.level, id: summary.id }}>
                          {areaDisplayName(summary)}
                        </SelectButton>
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              <FigureRow label="Kind" sides={sides} render={(s) => <Kind summary={s} />} />
              <FigureRow label="Hotspot" sides={sides} render={(s) => <Hotspot summary={s} />} />
              <FigureRow
                label="Gap score"
                sides={sides}
                render={(s, slot) => <Gap summary={s} other={sides[1 - slot] ?? null} />}
              />
              <FigureRow
                label="Local organisations"
                sides={sides}
                render={(s) =>
                  s.level === 'county'
                    ? `${s.naming.length} anywhere in it`
                    : `${s.naming.length} naming it`
                }
              />
              <FigureRow
                label="County-wide"
                sides={sides}
                render={(s) =>
                  s.level === 'county'
                    ? `${s.countyWide.length} naming the whole county (counted above)`
                    : `${s.countyWide.length} naming its county`
                }
              />
              <FigureRow
                label="Nationwide"
                sides={sides}
                render={(s) =>
                  `${s.nationwide.length} ${
                    s.nationwideWeight > 0
                      ? `(counted at ${s.nationwideWeight} each)`
                      : '(not counted)'
                  }`
                }
              />
              <FigureRow
                label="Distinct implementers"
                sides={sides}
                render={(s) => String(s.implementers)}
              />
            </tbody>
            <TypeRows
              title={
                selectedTypes.length > 0
                  ? 'Activity types (those selected in the filters)'
                  : 'Activity types'
              }
              rows={rows.filter((row) => row.kind === 'activity')}
              onlyDifferences={onlyDifferences}
            />
            <TypeRows
              title="Focus types"
              rows={rows.filter((row) => row.kind === 'focus')}
              onlyDifferences={onlyDifferences}
            />
            <tbody>
              <tr className="compare-section">
                <th scope="rowgroup" colSpan={3}>
                  Organisations
                </th>
              </tr>
              <FigureRow
                label="Local"
                sides={sides}
                render={(s) =>
                  s.level === 'county' ? (
                    <>
                      <p className="compare-note muted">In its municipalities:</p>
                      <OrganisationList ids={s.naming.filter((id) => !s.countyWide.includes(id))} />
                    </>
                  ) : (
                    <OrganisationList ids={s.naming} />
                  )
                }
              />
              <FigureRow
                label="County-wide"
                sides={sides}
                render={(s) => <OrganisationList ids={s.countyWide} />}
              />
              <tr>
                <th scope="row">Nationwide</th>
                <td colSpan={2}>
                  <details className="compare-nationwide">
                    <summary>
                      {plural(
                        only?.nationwide.length ?? 0,
                        'organisation, the same for every area',
                        'organisations, the same for every area',
                      )}
                    </summary>
                    <OrganisationList ids={only?.nationwide ?? []} />
                  </details>
                </td>
              </tr>
            </tbody>
          </table>
          <p className="muted compare-note">
            Under the current filters
            {scenario === 'planned' ? ', with the planned interventions' : ''}. A county’s hotspot
            level is the highest of its municipalities; its gap is their need-weighted mean.
          </p>
        </>
      )}
    </section>
  );
}
