import type { Dataset, Organisation } from './dataset';
import type { Gazetteer } from './gazetteer-schema';
import { foldPlaceText } from './place-text';

/**
 * Planned interventions: what a donor or coordinator intends to fund or run, in which area,
 * doing which activity types, by whom. Kept apart from the dataset (which is what sources
 * say exists); the planner layers plans over it to show the picture before and after.
 */

export interface PlanArea {
  level: 'municipality' | 'county';
  /** Municipality (LAU) or county (NUTS-3) id of the gazetteer. */
  id: string;
}

export interface PlannedIntervention {
  /** Stable id, unique among the plans ("plan-1", or any text without spaces a file gives). */
  id: string;
  area: PlanArea;
  /** Ids in data/activity-types.csv; at least one. */
  activityTypes: string[];
  /** Id of an organisation of the dataset, or null for an organisation not in it. */
  organisationId: string | null;
  /** The implementer's name: the dataset's name when `organisationId` is set, else as typed. */
  organisationName: string;
  /** ISO dates (YYYY-MM-DD), or null when not given. */
  start: string | null;
  end: string | null;
  note: string;
}

/** The document id planned organisations carry as their source. */
export const PLAN_SOURCE_DOCUMENT = 'plan';

/** Prefix of the ids of the organisations a plan adds to the "with plans" picture. */
export const PLAN_ORGANISATION_PREFIX = 'plan:';

/** Who implements a plan, as the key coverage counts presence by. */
export function planImplementerKey(plan: PlannedIntervention): string {
  return plan.organisationId ?? `new:${foldPlaceText(plan.organisationName)}`;
}

/**
 * The stand-in organisations plans add to the "with plans" picture: one per plan, local to the
 * plan's area, doing the plan's activity types, with the implementer's kind and focus types
 * when it is in the dataset.
 */
export function plannedOrganisations(
  plans: readonly PlannedIntervention[],
  dataset: Dataset,
): Organisation[] {
  const existing = new Map(dataset.organisations.map((o) => [o.id, o]));
  return plans.map((plan) => {
    const implementer = plan.organisationId ? existing.get(plan.organisationId) : undefined;
    return {
      id: `${PLAN_ORGANISATION_PREFIX}${plan.id}`,
      name: implementer?.name ?? plan.organisationName,
      acronym: implementer?.acronym ?? null,
      kind: implementer?.kind ?? '',
      websiteRaw: '',
      website: implementer?.website ?? null,
      theme: '',
      activityTypes: [...plan.activityTypes],
      focusOfActivities: '',
      focusTypes: implementer ? [...implementer.focusTypes] : [],
      geographicFocus: '',
      scope: 'local',
      countyIds: plan.area.level === 'county' ? [plan.area.id] : [],
      municipalityIds: plan.area.level === 'municipality' ? [plan.area.id] : [],
      unresolvedPlaces: [],
      notes: plan.note,
      source: { document: PLAN_SOURCE_DOCUMENT, row: null },
      planned: { planId: plan.id, implementerKey: planImplementerKey(plan) },
    };
  });
}

/** The dataset with the plans' stand-ins added to its organisations. */
export function withPlans(dataset: Dataset, plans: readonly PlannedIntervention[]): Dataset {
  if (plans.length === 0) return dataset;
  return {
    ...dataset,
    organisations: [...dataset.organisations, ...plannedOrganisations(plans, dataset)],
  };
}

export type PlanWarning =
  | {
      /** Organisations already do this activity type in the plan's area. */
      kind: 'overlap';
      activityType: string;
      /** 'named': they name the municipality (or, for a county plan, one of its municipalities); 'county-wide': they name the county. */
      strength: 'named' | 'county-wide';
      organisations: string[];
    }
  | {
      /** Other plans bring this activity type to the same place (or one containing it). */
      kind: 'other-plan';
      activityType: string;
      planIds: string[];
    }
  | {
      /**
       * The implementer already works there. 'area': it names the plan's area (no new
       * presence); 'county': it names the municipality's county (presence goes from 0.5 to 1);
       * 'part': a county plan whose implementer names some of its municipalities (new presence
       * only in the others, listed in `municipalityIds`); 'nationwide': it works nationwide.
       */
      kind: 'implementer-already-there';
      where: 'area' | 'county' | 'part' | 'nationwide';
      municipalityIds: string[];
    }
  | {
      /** The plan ends before it starts (ISO dates). */
      kind: 'dates';
      start: string;
      end: string;
    };

/**
 * What a plan duplicates: organisations of the dataset already doing the same activity type in
 * the same area (whatever the filters), other plans doing it there, and the implementer
 * already being there. For a county plan, "there" is the county and its municipalities.
 */
export function planWarnings(
  plan: PlannedIntervention,
  plans: readonly PlannedIntervention[],
  dataset: Dataset,
  gazetteer: Gazetteer,
): PlanWarning[] {
  const countyId =
    plan.area.level === 'county'
      ? plan.area.id
      : gazetteer.municipalities.find((m) => m.id === plan.area.id)?.county;
  const inCounty = new Set(
    gazetteer.municipalities.filter((m) => m.county === countyId).map((m) => m.id),
  );
  const names = (o: Organisation) =>
    plan.area.level === 'municipality'
      ? o.municipalityIds.includes(plan.area.id)
      : o.countyIds.includes(plan.area.id) || o.municipalityIds.some((id) => inCounty.has(id));
  const namesCounty = (o: Organisation) =>
    plan.area.level === 'municipality' && countyId !== undefined && o.countyIds.includes(countyId);
  const local = dataset.organisations.filter(
    (o) => o.scope === 'local' && o.id !== plan.organisationId,
  );
  const warnings: PlanWarning[] = [];
  for (const activityType of plan.activityTypes) {
    const doing = local.filter((o) => o.activityTypes.includes(activityType));
    const groups = [
      ['named', doing.filter(names)],
      ['county-wide', doing.filter((o) => !names(o) && namesCounty(o))],
    ] as const;
    for (const [strength, found] of groups)
      if (found.length > 0)
        warnings.push({
          kind: 'overlap',
          activityType,
          strength,
          organisations: found.map((o) => o.id),
        });
    const others = plans.filter(
      (other) =>
        other.id !== plan.id &&
        areasMeet(other.area, plan.area, gazetteer) &&
        other.activityTypes.includes(activityType),
    );
    if (others.length > 0)
      warnings.push({ kind: 'other-plan', activityType, planIds: others.map((o) => o.id) });
  }
  const implementer = dataset.organisations.find((o) => o.id === plan.organisationId);
  const already = implementer ? implementerThere(implementer, plan, countyId, inCounty) : null;
  if (already) warnings.push({ kind: 'implementer-already-there', ...already });
  if (plan.start && plan.end && plan.end < plan.start)
    warnings.push({ kind: 'dates', start: plan.start, end: plan.end });
  return warnings;
}

/** Whether two plan areas are the same place, or one contains the other. */
function areasMeet(a: PlanArea, b: PlanArea, gazetteer: Gazetteer): boolean {
  if (a.level === b.level) return a.id === b.id;
  const [county, municipality] = a.level === 'county' ? [a, b] : [b, a];
  return gazetteer.municipalities.some((m) => m.id === municipality.id && m.county === county.id);
}

/** Where the plan's implementer already works, as far as it concerns the plan's area. */
function implementerThere(
  implementer: Organisation,
  plan: PlannedIntervention,
  countyId: string | undefined,
  inCounty: ReadonlySet<string>,
): Omit<Extract<PlanWarning, { kind: 'implementer-already-there' }>, 'kind'> | null {
  if (implementer.scope === 'national') return { where: 'nationwide', municipalityIds: [] };
  if (plan.area.level === 'municipality') {
    if (implementer.municipalityIds.includes(plan.area.id))
      return { where: 'area', municipalityIds: [] };
    return countyId !== undefined && implementer.countyIds.includes(countyId)
      ? { where: 'county', municipalityIds: [] }
      : null;
  }
  if (implementer.countyIds.includes(plan.area.id)) return { where: 'area', municipalityIds: [] };
  const inside = implementer.municipalityIds.filter((id) => inCounty.has(id));
  return inside.length > 0 ? { where: 'part', municipalityIds: inside } : null;
}

/** A fresh plan id: "plan-<n>" with n one more than the highest in use. */
export function nextPlanId(plans: readonly { id: string }[]): string {
  const highest = plans.reduce((max, plan) => {
    const match = /^plan-(\d+)$/.exec(plan.id);
    return match ? Math.max(max, Number(match[1])) : max;
  }, 0);
  return `plan-${highest + 1}`;
}

/** The names a warning is told with, in the interface's language. */
export interface PlanWarningNames {
  area: (id: string) => string;
  organisation: (id: string) => string;
  activityType: (id: string) => string;
  /** An ISO date as shown to the user. */
  date: (iso: string) => string;
}

/**
 * A plan warning with every id resolved to the name the user reads; the interface turns it
 * into a sentence in its language.
 */
export type NamedPlanWarning = {
  /** The plan's area: its level and name. */
  area: { level: PlanArea['level']; name: string };
  /** The plan's implementer, as named by the plan. */
  implementer: string;
} & (
  | {
      kind: 'overlap';
      strength: 'named' | 'county-wide';
      activityType: string;
      organisations: string[];
    }
  | { kind: 'other-plan'; activityType: string; planIds: string[] }
  | {
      kind: 'implementer-already-there';
      where: 'area' | 'county' | 'part' | 'nationwide';
      municipalities: string[];
    }
  | { kind: 'dates'; start: string; end: string }
);

/** A plan warning with its ids turned into names, ready to be told in words. */
export function namePlanWarning(
  warning: PlanWarning,
  plan: PlannedIntervention,
  names: PlanWarningNames,
): NamedPlanWarning {
  const common = {
    area: { level: plan.area.level, name: names.area(plan.area.id) },
    implementer: plan.organisationName,
  };
  switch (warning.kind) {
    case 'overlap':
      return {
        ...common,
        kind: 'overlap',
        strength: warning.strength,
        activityType: names.activityType(warning.activityType),
        organisations: warning.organisations.map(names.organisation),
      };
    case 'other-plan':
      return {
        ...common,
        kind: 'other-plan',
        activityType: names.activityType(warning.activityType),
        planIds: [...warning.planIds],
      };
    case 'implementer-already-there':
      return {
        ...common,
        kind: 'implementer-already-there',
        where: warning.where,
        municipalities: warning.municipalityIds.map(names.area),
      };
    case 'dates':
      return {
        ...common,
        kind: 'dates',
        start: names.date(warning.start),
        end: names.date(warning.end),
      };
  }
}
