import { useId, useState, type ReactNode } from 'react';
import {
  compareAreas,
  comparisonFacts,
  summariseArea,
  type AreaSummary,
  type CompareRow,
} from '../domain/area-summary';
import { PLAN_ORGANISATION_PREFIX } from '../domain/plan';
import type { AreaRef } from '../domain/view-state';
import { formatNumber, type Lang } from '../i18n/messages';
import { useT } from '../i18n/use-t';
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

/** A gap score rounded as `toFixed` does (0.495 is 0.49), then written in the language. */
const formatScore = (lang: Lang, score: number, digits: number) =>
  formatNumber(lang, Number(score.toFixed(digits)), digits);

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

function AreaPicker({ slot }: { slot: 0 | 1 }) {
  const id = useId();
  const t = useT();
  const gazetteer = useHarta((state) => state.gazetteer);
  const area = useHarta((state) => state.compare[slot]);
  const setCompare = useHarta((state) => state.setCompare);
  const letter = LETTER[slot];
  return (
    <div className="compare-picker">
      <label htmlFor={id}>{t('compare.area', letter)}</label>
      <div className="compare-picker-row">
        <select
          id={id}
          value={areaValue(area)}
          onChange={(event) => setCompare(slot, areaFromValue(event.target.value))}
        >
          <option value="">{t('compare.chooseArea')}</option>
          {gazetteer.counties.map((county) => (
            <optgroup key={county.id} label={county.name}>
              <option value={areaValue({ level: 'county', id: county.id })}>
                {t('planner.county', county.name)}
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
          aria-label={t('compare.clearArea', letter)}
          onClick={() => setCompare(slot, null)}
          disabled={area === null}
        >
          {t('compare.clear')}
        </button>
      </div>
    </div>
  );
}

function OrganisationList({ ids }: { ids: readonly string[] }) {
  const t = useT();
  const names = useHarta(selectNames);
  if (ids.length === 0) return <span className="muted">{t('compare.none')}</span>;
  return (
    <ul className="compare-organisations">
      {ids.map((id) => {
        const organisation = names.organisation(id);
        const planned =
          organisation?.planned !== undefined || id.startsWith(PLAN_ORGANISATION_PREFIX);
        return (
          <li key={id}>
            <SelectButton target={{ kind: 'organisation', id }}>
              <span translate="no">{organisation?.name ?? id}</span>
              {planned ? t('compare.planned') : ''}
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
  const t = useT();
  return (
    <span className="muted">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('compare.notChosen')}</span>
    </span>
  );
}

function Presence({ value }: { value: boolean | null }) {
  const t = useT();
  if (value === null) return <NotChosen />;
  return value ? (
    <span className="compare-yes">
      <span aria-hidden="true">✓ </span>
      {t('compare.yes')}
    </span>
  ) : (
    <span className="compare-no">
      <span aria-hidden="true">✗ </span>
      {t('compare.no')}
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
  const t = useT();
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
            {onlyDifferences ? t('compare.noDifferencesIn', title) : t('compare.noneToCompare')}
          </td>
        </tr>
      ) : (
        shown.map((row) => (
          <tr key={row.id} className={row.differs ? 'differs' : undefined}>
            <th scope="row">
              {row.label}
              {row.differs ? (
                <span className="compare-differs-mark">{t('compare.differs')}</span>
              ) : null}
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
  const t = useT();
  const lang = useHarta((state) => state.lang);
  if (summary.level === 'county') {
    return (
      <>
        {t(
          'compare.kind.county',
          formatNumber(lang, summary.municipalityCount),
          summary.municipalityCount,
        )}
      </>
    );
  }
  return (
    <>
      {t('compare.kind.municipalityIn')}{' '}
      <SelectButton target={{ kind: 'county', id: summary.countyId }}>
        {t('planner.countyObject', summary.countyName)}
      </SelectButton>
    </>
  );
}

function Hotspot({ summary }: { summary: AreaSummary }) {
  const t = useT();
  const lang = useHarta((state) => state.lang);
  const passages = t(
    'compare.hotspot.passages',
    formatNumber(lang, summary.evidenceCount),
    summary.evidenceCount,
  );
  const ofCounty =
    summary.level === 'county'
      ? t(
          'compare.hotspot.county',
          formatNumber(lang, summary.hotspotMunicipalityCount),
          formatNumber(lang, summary.municipalityCount),
        )
      : '';
  if (summary.hotspotLevel === 0) {
    return (
      <>
        {t('compare.hotspot.none')}
        {summary.level === 'county' ? t('compare.hotspot.noneInCounty') : ''}
      </>
    );
  }
  return (
    <>
      <HotspotBadge level={summary.hotspotLevel} t={t} />{' '}
      {t('compare.hotspot.level', formatNumber(lang, summary.hotspotLevel))}{' '}
      <span className="muted">
        ({ofCounty}
        {passages})
      </span>
    </>
  );
}

function Gap({ summary, other }: { summary: AreaSummary; other: AreaSummary | null }) {
  const t = useT();
  const lang = useHarta((state) => state.lang);
  const higher = other !== null && summary.gapScore > other.gapScore;
  // A third decimal when two decimals would print different scores the same.
  const close =
    other !== null &&
    other.gapScore !== summary.gapScore &&
    other.gapScore.toFixed(2) === summary.gapScore.toFixed(2);
  return (
    <>
      <strong>{formatScore(lang, summary.gapScore, close ? 3 : 2)}</strong>
      {higher ? <span className="compare-higher">{t('compare.gap.higher')}</span> : null}
      {summary.gapRank !== null ? (
        <span className="muted compare-rank">
          {t(
            'compare.gap.rank',
            formatNumber(lang, summary.gapRank),
            formatNumber(lang, summary.rankOutOf),
          )}
          {summary.level === 'county' ? t('compare.gap.counties') : ''}
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
  const t = useT();
  const lang = useHarta((state) => state.lang);
  const names = useHarta(selectNames);
  const count = (n: number) => formatNumber(lang, n);
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
  // Labels in the interface's language.
  const labelled = (types: readonly { id: string }[], labels: ReadonlyMap<string, string>) =>
    types.map((type) => ({ id: type.id, label: labels.get(type.id) ?? type.id }));
  const consideredTypes = labelled(
    selectedTypes.length > 0
      ? dataset.activityTypes.filter((type) => selectedTypes.includes(type.id))
      : dataset.activityTypes,
    names.activityType,
  );
  const rows = compareAreas(a, b, consideredTypes, labelled(dataset.focusTypes, names.focusType));
  const differing = rows.filter((row) => row.differs).length;
  const both = a !== null && b !== null;
  const only = a ?? b;

  const swap = () => {
    const [first, second] = compare;
    setCompare(0, second);
    setCompare(1, first);
  };

  return (
    <section className="compare-panel" aria-label={t('compare.title')}>
      <h2 tabIndex={-1}>{t('compare.title')}</h2>
      <div className="compare-pickers">
        <AreaPicker slot={0} />
        <button
          type="button"
          className="compare-swap"
          onClick={swap}
          disabled={compare[0] === null && compare[1] === null}
        >
          <span aria-hidden="true">⇄ </span>
          {t('compare.swap')}
        </button>
        <AreaPicker slot={1} />
      </div>
      {a === null && b === null ? (
        <p className="panel-intro compare-empty">{t('compare.intro')}</p>
      ) : (
        <>
          <p className="compare-verdict">
            {both
              ? t('compare.verdict', comparisonFacts(a, b, rows), (value, digits) =>
                  formatNumber(lang, value, digits),
                )
              : only !== null
                ? t('compare.pickSecond', only)
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
            <label htmlFor={toggleId}>{t('compare.onlyDifferences')}</label>
            {both ? (
              <span className="muted">
                {t('compare.differing', count(differing), count(rows.length))}
              </span>
            ) : null}
          </div>
          <table className="compare-table">
            <caption className="visually-hidden">{t('compare.caption', a, b)}</caption>
            <colgroup>
              <col className="compare-label-column" />
              <col />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('compare.measure')}</span>
                </th>
                {SLOTS.map((slot) => {
                  const summary = sides[slot] ?? null;
                  return (
                    <th scope="col" key={slot}>
                      <span className="compare-letter">{LETTER[slot]}</span>{' '}
                      {summary === null ? (
                        <span className="muted">{t('compare.notChosen')}</span>
                      ) : (
                        <SelectButton target={{ kind: summary.level, id: summary.id }}>
                          {t('planner.area', summary)}
                        </SelectButton>
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              <FigureRow
                label={t('compare.row.kind')}
                sides={sides}
                render={(s) => <Kind summary={s} />}
              />
              <FigureRow
                label={t('compare.row.hotspot')}
                sides={sides}
                render={(s) => <Hotspot summary={s} />}
              />
              <FigureRow
                label={t('compare.row.gap')}
                sides={sides}
                render={(s, slot) => <Gap summary={s} other={sides[1 - slot] ?? null} />}
              />
              <FigureRow
                label={t('compare.row.localOrganisations')}
                sides={sides}
                render={(s) =>
                  s.level === 'county'
                    ? t('compare.local.county', count(s.naming.length))
                    : t('compare.local.municipality', count(s.naming.length))
                }
              />
              <FigureRow
                label={t('compare.row.countyWide')}
                sides={sides}
                render={(s) =>
                  s.level === 'county'
                    ? t('compare.countyWide.county', count(s.countyWide.length))
                    : t('compare.countyWide.municipality', count(s.countyWide.length))
                }
              />
              <FigureRow
                label={t('compare.row.nationwide')}
                sides={sides}
                render={(s) =>
                  s.nationwideWeight > 0
                    ? t(
                        'compare.nationwide.weighted',
                        count(s.nationwide.length),
                        count(s.nationwideWeight),
                      )
                    : t('compare.nationwide.notCounted', count(s.nationwide.length))
                }
              />
              <FigureRow
                label={t('compare.row.implementers')}
                sides={sides}
                render={(s) => count(s.implementers)}
              />
            </tbody>
            <TypeRows
              title={
                selectedTypes.length > 0
                  ? t('compare.section.activityTypesSelected')
                  : t('compare.section.activityTypes')
              }
              rows={rows.filter((row) => row.kind === 'activity')}
              onlyDifferences={onlyDifferences}
            />
            <TypeRows
              title={t('compare.section.focusTypes')}
              rows={rows.filter((row) => row.kind === 'focus')}
              onlyDifferences={onlyDifferences}
            />
            <tbody>
              <tr className="compare-section">
                <th scope="rowgroup" colSpan={3}>
                  {t('compare.section.organisations')}
                </th>
              </tr>
              <FigureRow
                label={t('compare.row.local')}
                sides={sides}
                render={(s) =>
                  s.level === 'county' ? (
                    <>
                      <p className="compare-note muted">{t('compare.inItsMunicipalities')}</p>
                      <OrganisationList ids={s.naming.filter((id) => !s.countyWide.includes(id))} />
                    </>
                  ) : (
                    <OrganisationList ids={s.naming} />
                  )
                }
              />
              <FigureRow
                label={t('compare.row.countyWide')}
                sides={sides}
                render={(s) => <OrganisationList ids={s.countyWide} />}
              />
              <tr>
                <th scope="row">{t('compare.row.nationwide')}</th>
                <td colSpan={2}>
                  <details className="compare-nationwide">
                    <summary>
                      {t(
                        'compare.nationwide.summary',
                        count(only?.nationwide.length ?? 0),
                        only?.nationwide.length ?? 0,
                      )}
                    </summary>
                    <OrganisationList ids={only?.nationwide ?? []} />
                  </details>
                </td>
              </tr>
            </tbody>
          </table>
          <p className="muted compare-note">{t('compare.note', scenario === 'planned')}</p>
        </>
      )}
    </section>
  );
}
