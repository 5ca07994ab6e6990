import { useState, type ReactNode } from 'react';
import { isTie, PRESENCE_WEIGHTS, type TieSpan } from '../domain/coverage';
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
import { useHarta } from '../store/store-context';
import { CountyGapWhy, GapWhy } from './gap-why';
import { HotspotBadge } from './hotspot-badge';
import { NationwideWeight } from './nationwide-weight';
import './planner.css';

/** A disclosure whose content is only built when opened (61 closed explanations cost nothing). */
function Why({ label, children }: { label: ReactNode; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="gap-why-details"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{label}</summary>
      {open ? children() : null}
    </details>
  );
}

function ScoreBar({ score }: { score: number }) {
  return (
    <span className="gap-score" aria-label={`gap score ${score.toFixed(2)}`}>
      <span className="gap-bar" style={{ width: `${Math.round(score * 100)}%` }} />
      <span className="gap-value">{score.toFixed(2)}</span>
    </span>
  );
}

/**
 * "With plans: gap 0.78 → 0.41, rank 2 → 14", only where the plans change the gap itself: a
 * plan elsewhere shifts whole runs of untouched rows by a rank, which says nothing about them.
 */
function PlanChange({ effect }: { effect: PlanEffect | undefined }) {
  if (!effect) return null;
  const { before, after } = effect;
  if (before.gapScore === after.gapScore) return null;
  return (
    <span className="gap-plan-change">
      With plans: gap {before.gapScore.toFixed(2)} → {after.gapScore.toFixed(2)}, rank {before.rank}{' '}
      → {after.rank}
    </span>
  );
}

/** "7", or "7=" for a rank shared with others (the "=" read as "tied"). */
function RankText({ rank, tied }: { rank: number; tied: boolean }) {
  return (
    <>
      {rank}
      {tied ? (
        <>
          <span aria-hidden="true">=</span>
          <span className="visually-hidden"> (tied)</span>
        </>
      ) : null}
    </>
  );
}

/** Said once, at the first row of a tie: which ranks share it and that their order is by name. */
function TieNote({ span, children }: { span: TieSpan; children: ReactNode }) {
  return (
    <p className="gap-tie-note muted">
      Ranks {span.first}–{span.last} {children}; their order is alphabetical.
    </p>
  );
}

/**
 * What nobody does here, in as few words as it takes: the missing types when there are a few,
 * else the few that are done ("11 of 12 activity types missing; only Awareness done here").
 */
function missingSummary(
  missing: string[],
  covered: string[],
  nationwideOnly: number,
  filtered: boolean,
): string {
  const selected = filtered ? 'selected ' : '';
  if (missing.length === 0) return `Every ${selected}activity type is covered`;
  const total = missing.length + covered.length;
  const nationwide =
    nationwideOnly === 0
      ? ''
      : missing.length === 1
        ? 'done by nationwide organisations'
        : `${nationwideOnly} of them done by nationwide organisations`;
  if (missing.length <= 3 || covered.length === 0) {
    const summary =
      missing.length === total && total > 3
        ? `Nobody here: none of the ${total} ${selected}activity types`
        : `Nobody here: ${missing.length} of ${total} ${selected}activity types (${missing.join(', ')})`;
    return nationwide ? `${summary}; ${nationwide}` : summary;
  }
  return `Nobody here: ${missing.length} of ${total} ${selected}activity types${nationwide ? ` (${nationwide})` : ''}; only ${covered.join(', ')}`;
}

/** One ranked area: selects it on click, shows it on the map on hover or focus. */
function GapRow({
  area,
  rank,
  tied,
  score,
  children,
}: {
  area: MapAreaRef;
  rank: number;
  tied: boolean;
  score: number;
  children: ReactNode;
}) {
  const select = useHarta((state) => state.select);
  const hover = useHarta((state) => state.hover);
  const isHovered = useHarta(
    (state) => state.hovered?.level === area.level && state.hovered.id === area.id,
  );
  const isSelected = useHarta(
    (state) => state.selection?.kind === area.level && state.selection.id === area.id,
  );
  return (
    <button
      type="button"
      className={isHovered ? 'gap-item hovered' : 'gap-item'}
      aria-pressed={isSelected}
      onClick={() => select({ kind: area.level, id: area.id })}
      onMouseEnter={() => hover(area)}
      onMouseLeave={() => hover(null)}
      onFocus={() => hover(area)}
      onBlur={() => hover(null)}
    >
      <span className="gap-rank">
        <RankText rank={rank} tied={tied} />
      </span>
      <span className="gap-main">{children}</span>
      <ScoreBar score={score} />
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
  return (
    <ol className="gap-list" aria-label="Municipalities ranked by gap">
      {ranking.map((coverage, index) => {
        const rank = index + 1;
        const tie = ties[index];
        const tied = isTie(tie);
        const missing = coverage.activityTypesMissing.map((id) => names.activityType.get(id) ?? id);
        const name = names.area(coverage.id);
        const { counts } = coverage;
        return (
          <li key={coverage.id}>
            {tied && tie.first === rank ? (
              <TieNote span={tie}>
                share a gap of {coverage.gapScore.toFixed(2)}, the same hotspot level and the same
                number of local organisations ({counts.local})
              </TieNote>
            ) : null}
            <GapRow
              area={{ level: 'municipality', id: coverage.id }}
              rank={rank}
              tied={tied}
              score={coverage.gapScore}
            >
              <span className="gap-name">
                {name} <span className="muted">({names.area(coverage.countyId)})</span>{' '}
                <HotspotBadge level={coverage.hotspotLevel} />
              </span>
              <span className="gap-counts">
                {counts.local} local · {counts.countyWide} county-wide · {counts.nationwide}{' '}
                nationwide
                {nationwideWeight > 0 ? ` (× ${nationwideWeight})` : ' (not counted)'}
              </span>
              <span className="gap-missing">
                {missingSummary(
                  missing,
                  coverage.activityTypesCovered.map((id) => names.activityType.get(id) ?? id),
                  coverage.activityTypesNationwideOnly.length,
                  filteredTypes.length > 0,
                )}
              </span>
              <PlanChange effect={effects.get(coverage.id)} />
            </GapRow>
            <Why
              label={
                tied ? (
                  <>
                    Why is {name} ranked <RankText rank={rank} tied />?
                  </>
                ) : (
                  `Why is ${name} number ${rank}?`
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
  return (
    <ol className="gap-list" aria-label="Counties ranked by gap">
      {ranking.map((gap, index) => {
        const rank = index + 1;
        const tie = ties[index];
        const tied = isTie(tie);
        const name = names.area(gap.id);
        const worst = gap.municipalities[0];
        return (
          <li key={gap.id}>
            {tied && tie.first === rank ? (
              <TieNote span={tie}>
                share a gap of {gap.gapScore.toFixed(2)} and the same highest hotspot level
              </TieNote>
            ) : null}
            <GapRow
              area={{ level: 'county', id: gap.id }}
              rank={rank}
              tied={tied}
              score={gap.gapScore}
            >
              <span className="gap-name">
                {name} <HotspotBadge level={gap.hotspotLevel} />
              </span>
              <span className="gap-counts">
                {gap.municipalities.length} municipalities
                {worst ? `; most underserved: ${names.area(worst)}` : ''}
              </span>
            </GapRow>
            <Why
              label={
                tied ? (
                  <>
                    Why is {name} county ranked <RankText rank={rank} tied />?
                  </>
                ) : (
                  `Why is ${name} county number ${rank}?`
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

  return (
    <div className="gaps-panel">
      <p className="panel-intro">
        Areas from most to least underserved: hotspots with little or no presence come first. Open
        &ldquo;Why&rdquo; on any row to see the inputs of its score.
      </p>
      {scenario === 'planned' ? (
        <p className="scenario-note">
          Showing the picture with {planCount} planned{' '}
          {planCount === 1 ? 'intervention' : 'interventions'}.
        </p>
      ) : null}
      <fieldset className="segmented">
        <legend className="visually-hidden">Rank</legend>
        {(['municipality', 'county'] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="gap-level"
              value={value}
              checked={level === value}
              onChange={() => setLevel(value)}
            />
            {value === 'municipality' ? 'Municipalities' : 'Counties'}
          </label>
        ))}
      </fieldset>
      <NationwideWeight />
      <details className="formula">
        <summary>How the gap score is computed</summary>
        <p>
          Gap = need × (1 − coverage), from 0 (well served) to 1 (most underserved).{' '}
          <strong>Need</strong> = 0.25 + 0.25 × hotspot level (level 0 when no document names the
          municipality, 3 for a priority for intervention). <strong>Coverage</strong> = 1 − e
          <sup>−presence/2</sup>, where presence counts each organisation naming the municipality as{' '}
          {PRESENCE_WEIGHTS.local}, each other one naming its whole county as{' '}
          {PRESENCE_WEIGHTS.countyWide}, and each nationwide one as {nationwideWeight}
          {nationwideWeight === 0 ? ' (not counted)' : ''}. An organisation counts once in a place,
          even with a planned extension there. Only organisations passing the current filters count,
          and &ldquo;missing&rdquo; activity types are judged among those the filters select. A
          county&apos;s gap is the mean of its municipalities&apos; gaps weighted by their need.
        </p>
      </details>
      {level === 'municipality' ? <MunicipalityRanking /> : <CountyRanking />}
    </div>
  );
}
