import { useMemo, useState, type ReactNode } from 'react';
import { isTie, PRESENCE_WEIGHTS } from '../domain/coverage';
import {
  selectCountyGapRanking,
  selectCountyGapTies,
  selectGapTies,
  selectGapRanking,
  selectNames,
  selectPlanEffects,
  type PlanEffect,
} from '../store/selectors';
import type { MapAreaRef } from '../domain/map-model';
import { formatNumber, type Lang, type Translate } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import type { HartaState } from '../store/harta-store';
import { useHarta, useHartaStoreApi } from '../store/store-context';
import { CountyGapWhy, GapWhy } from './gap-why';
import { HotspotBadge } from './hotspot-badge';
import { NationwideWeight } from './nationwide-weight';
import './planner.css';

/**
 * A disclosure whose content is only built when opened (61 closed explanations cost nothing).
 * Whether it is open is kept by the list, by area: rows are keyed by rank, so an explanation
 * follows its area when the ranking changes.
 */
function Why({
  open,
  onToggle,
  label,
  children,
}: {
  open: boolean;
  onToggle: (open: boolean) => void;
  label: ReactNode;
  children: () => ReactNode;
}) {
  return (
    <details
      className="gap-why-details"
      open={open}
      onToggle={(event) => onToggle(event.currentTarget.open)}
    >
      <summary>{label}</summary>
      {open ? children() : null}
    </details>
  );
}

/** The areas whose explanations are open, and a setter for one (a no-op when nothing changes). */
function useOpenExplanations() {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (id: string, on: boolean) =>
    setOpen((current) => {
      if (current.has(id) === on) return current;
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return { isOpen: (id: string) => open.has(id), toggle };
}

/**
 * Rows are keyed by their rank, not their area. A filter change reorders most of the ranking,
 * and moving a row in the document costs Chromium ≈ 0.35 ms (its layout objects are torn down
 * and rebuilt): 12 ms of every filter change, measured. Keyed by rank, a row keeps its place and
 * only its text changes. Nothing in a row holds state of its own: hover, selection and open
 * explanations are kept by area.
 */
const rowKey = (rank: number) => `rank-${rank}`;

/** A gap score as shown: two decimals, in the interface's language. */
const scoreText = (lang: Lang, score: number) => formatNumber(lang, score, 2);

/**
 * The parts of a row are plain functions of the words and the language, not components with
 * their own store subscriptions: a filter change at national 3W size re-renders every row, and
 * ten subscriptions a row (61 rows) were a third of React's work in it.
 */
interface Words {
  t: Translate;
  lang: Lang;
}

function scoreBar({ t, lang }: Words, score: number) {
  const text = scoreText(lang, score);
  return (
    <span className="gap-score" aria-label={t('gaps.score', text)}>
      <span className="gap-bar" style={{ width: `${Math.round(score * 100)}%` }} />
      <span className="gap-value">{text}</span>
    </span>
  );
}

/**
 * "With plans: gap 0.78 → 0.41, rank 2 → 14", only where the plans change the gap itself: a
 * plan elsewhere shifts whole runs of untouched rows by a rank, which says nothing about them.
 */
function planChange({ t, lang }: Words, effect: PlanEffect | undefined) {
  if (!effect) return null;
  const { before, after } = effect;
  if (before.gapScore === after.gapScore) return null;
  return (
    <span className="gap-plan-change">
      {t('gaps.row.planChange', {
        gapBefore: scoreText(lang, before.gapScore),
        gapAfter: scoreText(lang, after.gapScore),
        rankBefore: formatNumber(lang, before.rank),
        rankAfter: formatNumber(lang, after.rank),
      })}
    </span>
  );
}

/** "7", or "7=" for a rank shared with others (the "=" read as "tied"). */
function rankText({ t, lang }: Words, rank: number, tied: boolean) {
  return (
    <>
      {formatNumber(lang, rank)}
      {tied ? (
        <>
          <span aria-hidden="true">=</span>
          <span className="visually-hidden">{t('gaps.tied')}</span>
        </>
      ) : null}
    </>
  );
}

/** Hover and selection of one area as one number (bit 1: hovered, bit 2: selected). */
const HOVERED = 1;
const SELECTED = 2;
const emphasisOf = (state: HartaState, area: MapAreaRef) =>
  (state.hovered?.level === area.level && state.hovered.id === area.id ? HOVERED : 0) |
  (state.selection?.kind === area.level && state.selection.id === area.id ? SELECTED : 0);

/**
 * One ranked area: selects it on click, shows it on the map on hover or focus. Its one store
 * subscription is its emphasis, so hovering a row re-renders that row alone.
 */
function GapRow({
  area,
  rank,
  tied,
  score,
  words,
  children,
}: {
  area: MapAreaRef;
  rank: number;
  tied: boolean;
  score: number;
  words: Words;
  children: ReactNode;
}) {
  const store = useHartaStoreApi();
  const emphasis = useHarta((state) => emphasisOf(state, area));
  const hover = (to: MapAreaRef | null) => store.getState().hover(to);
  return (
    <button
      type="button"
      className={emphasis & HOVERED ? 'gap-item hovered' : 'gap-item'}
      aria-pressed={(emphasis & SELECTED) !== 0}
      onClick={() => store.getState().select({ kind: area.level, id: area.id })}
      onMouseEnter={() => hover(area)}
      onMouseLeave={() => hover(null)}
      onFocus={() => hover(area)}
      onBlur={() => hover(null)}
    >
      <span className="gap-rank">{rankText(words, rank, tied)}</span>
      <span className="gap-main">{children}</span>
      {scoreBar(words, score)}
    </button>
  );
}

function MunicipalityRanking() {
  const ranking = useHarta(selectGapRanking);
  const names = useHarta(selectNames);
  const effects = useHarta(selectPlanEffects);
  const nationwideWeight = useHarta((state) => state.nationwideWeight);
  const filteredTypes = useHarta((state) => state.filters.activityTypes);
  const ties = useHarta(selectGapTies);
  const lang = useHarta((state) => state.lang);
  const t = useT();
  const words = useMemo(() => ({ t, lang }), [t, lang]);
  const explanations = useOpenExplanations();
  const number = (value: number) => formatNumber(lang, value);
  return (
    <ol className="gap-list" aria-label={t('gaps.list.municipalities')}>
      {ranking.map((coverage, index) => {
        const rank = index + 1;
        const tie = ties[index];
        const tied = isTie(tie);
        const missing = coverage.activityTypesMissing.map((id) => names.activityType.get(id) ?? id);
        const name = names.area(coverage.id);
        const { counts } = coverage;
        return (
          <li key={rowKey(rank)}>
            {tied && tie.first === rank ? (
              <p className="gap-tie-note muted">
                {t('gaps.tie.municipality', {
                  first: number(tie.first),
                  last: number(tie.last),
                  gap: scoreText(lang, coverage.gapScore),
                  local: number(counts.local),
                })}
              </p>
            ) : null}
            <GapRow
              area={{ level: 'municipality', id: coverage.id }}
              rank={rank}
              tied={tied}
              score={coverage.gapScore}
              words={words}
            >
              <span className="gap-name">
                {name} <span className="muted">({names.area(coverage.countyId)})</span>{' '}
                <HotspotBadge level={coverage.hotspotLevel} t={t} />
              </span>
              <span className="gap-counts">
                {t('gaps.row.counts', {
                  local: number(counts.local),
                  countyWide: number(counts.countyWide),
                  nationwide: number(counts.nationwide),
                  weight: nationwideWeight > 0 ? number(nationwideWeight) : null,
                })}
              </span>
              <span className="gap-missing">
                {t('gaps.row.missing', {
                  missing,
                  covered: coverage.activityTypesCovered.map(
                    (id) => names.activityType.get(id) ?? id,
                  ),
                  nationwideOnly: coverage.activityTypesNationwideOnly.length,
                  filtered: filteredTypes.length > 0,
                })}
              </span>
              {planChange(words, effects.get(coverage.id))}
            </GapRow>
            <Why
              open={explanations.isOpen(coverage.id)}
              onToggle={(open) => explanations.toggle(coverage.id, open)}
              label={
                tied ? (
                  <>
                    {t('gaps.whyLabel.municipalityTied', name)}
                    {rankText(words, rank, true)}?
                  </>
                ) : (
                  t('gaps.whyLabel.municipality', name, number(rank))
                )
              }
            >
              {() => <GapWhy municipalityId={coverage.id} />}
            </Why>
          </li>
        );
      })}
    </ol>
  );
}

function CountyRanking() {
  const ranking = useHarta(selectCountyGapRanking);
  const names = useHarta(selectNames);
  const ties = useHarta(selectCountyGapTies);
  const lang = useHarta((state) => state.lang);
  const t = useT();
  const words = useMemo(() => ({ t, lang }), [t, lang]);
  const explanations = useOpenExplanations();
  const number = (value: number) => formatNumber(lang, value);
  return (
    <ol className="gap-list" aria-label={t('gaps.list.counties')}>
      {ranking.map((gap, index) => {
        const rank = index + 1;
        const tie = ties[index];
        const tied = isTie(tie);
        const name = names.area(gap.id);
        const worst = gap.municipalities[0];
        return (
          <li key={rowKey(rank)}>
            {tied && tie.first === rank ? (
              <p className="gap-tie-note muted">
                {t('gaps.tie.county', {
                  first: number(tie.first),
                  last: number(tie.last),
                  gap: scoreText(lang, gap.gapScore),
                })}
              </p>
            ) : null}
            <GapRow
              area={{ level: 'county', id: gap.id }}
              rank={rank}
              tied={tied}
              score={gap.gapScore}
              words={words}
            >
              <span className="gap-name">
                {name} <HotspotBadge level={gap.hotspotLevel} t={t} />
              </span>
              <span className="gap-counts">
                {t(
                  'gaps.county.counts',
                  number(gap.municipalities.length),
                  worst ? names.area(worst) : null,
                )}
              </span>
            </GapRow>
            <Why
              open={explanations.isOpen(gap.id)}
              onToggle={(open) => explanations.toggle(gap.id, open)}
              label={
                tied ? (
                  <>
                    {t('gaps.whyLabel.countyTied', name)}
                    {rankText(words, rank, true)}?
                  </>
                ) : (
                  t('gaps.whyLabel.county', name, number(rank))
                )
              }
            >
              {() => <CountyGapWhy countyId={gap.id} />}
            </Why>
          </li>
        );
      })}
    </ol>
  );
}

/** Areas ranked from most to least underserved under the current filters, with the reasons. */
export function GapsPanel() {
  const level = useHarta((state) => state.gapLevel);
  const setLevel = useHarta((state) => state.setGapLevel);
  const nationwideWeight = useHarta((state) => state.nationwideWeight);
  const scenario = useHarta((state) => state.scenario);
  const planCount = useHarta((state) => state.plans.length);
  const lang = useHarta((state) => state.lang);
  const t = useT();
  const number = (value: number) => formatNumber(lang, value);

  return (
    <div className="gaps-panel">
      <p className="panel-intro">{t('gaps.intro')}</p>
      {scenario === 'planned' ? (
        <p className="scenario-note">{t('gaps.scenario', planCount, number(planCount))}</p>
      ) : null}
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('gaps.level.legend')}</legend>
        {(['municipality', 'county'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="gap-level"
              value={value}
              checked={level === value}
              onChange={() => setLevel(value)}
            />
            {t(value === 'municipality' ? 'gaps.level.municipality' : 'gaps.level.county')}
          </label>
        ))}
      </fieldset>
      <NationwideWeight />
      <details className="formula">
        <summary>{t('gaps.formula.summary')}</summary>
        <p>
          {t('gaps.formula.gap')} <strong>{t('gaps.formula.needTerm')}</strong>
          {t('gaps.formula.need')} <strong>{t('gaps.formula.coverageTerm')}</strong> = 1 − e
          <sup>−{t('gaps.formula.presence')}/2</sup>
          {t('gaps.formula.rest', {
            local: number(PRESENCE_WEIGHTS.local),
            countyWide: number(PRESENCE_WEIGHTS.countyWide),
            nationwide: number(nationwideWeight),
            counted: nationwideWeight !== 0,
          })}
        </p>
      </details>
      {level === 'municipality' ? <MunicipalityRanking /> : <CountyRanking />}
    </div>
  );
}
