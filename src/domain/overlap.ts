import { implementerKey, type MunicipalityCoverage } from './coverage';
import type { Dataset, HotspotEvidence, Organisation } from './dataset';

/**
 * Overlap: places where several organisations do the same kind of work. The report complains
 * of schools receiving the same awareness sessions from several CSOs (e.g. its footnote on
 * Cërrik); this finds the municipality × activity type cells where that can happen.
 *
 * Only organisations that name the municipality (directly or through a town in it) count:
 * one working "across Elbasan county" may or may not be in Cërrik's schools, and saying so
 * would overstate the overlap.
 */

export interface OverlapRow {
  municipalityId: string;
  /** Per activity type (in `OverlapMatrix.activityTypes` order): organisation ids doing it here. */
  cells: string[][];
  /** Per activity type: distinct implementers (a planned extension of one counts once). */
  counts: number[];
}

export interface OverlapMatrix {
  activityTypes: string[];
  /** One row per municipality, in gazetteer order. */
  rows: OverlapRow[];
  /** Largest count in any cell, for a colour scale. */
  max: number;
}

export interface Overlap {
  municipalityId: string;
  activityType: string;
  /** Organisations naming the municipality and doing this activity type. */
  organisations: string[];
  /** Distinct implementers among them (≥ the threshold). */
  count: number;
  /** Focus types every one of them shares: overlap on the same groups is the sharper kind. */
  sharedFocusTypes: string[];
  /** Documents' remarks on this municipality that are context, not need (e.g. saturation). */
  context: HotspotEvidence[];
  /** Ids of planned interventions among the organisations. */
  plans: string[];
}

/** Organisations per municipality × activity type, from the municipalities' local lists. */
export function overlapMatrix(
  dataset: Dataset,
  coverage: ReadonlyMap<string, MunicipalityCoverage>,
  organisations: readonly Organisation[],
): OverlapMatrix {
  const activityTypes = dataset.activityTypes.map((type) => type.id);
  const typeIndex = new Map(activityTypes.map((type, index) => [type, index]));
  // Once per organisation, not once per municipality it names: the cells it belongs in and
  // its implementer as a number, so counting distinct implementers needs no string hashing
  // (with a few thousand imported records, per-cell sets were most of the time and garbage).
  const implementerNumbers = new Map<string, number>();
  const byId = new Map<string, { types: number[]; implementer: number }>();
  for (const organisation of organisations) {
    const key = implementerKey(organisation);
    const implementer = implementerNumbers.get(key) ?? implementerNumbers.size;
    implementerNumbers.set(key, implementer);
    const types: number[] = [];
    for (const type of organisation.activityTypes) {
      const index = typeIndex.get(type);
      // A type listed twice puts the organisation in its cell once.
      if (index !== undefined && !types.includes(index)) types.push(index);
    }
    byId.set(organisation.id, { types, implementer });
  }
  // Per implementer × type, the last row that counted it: distinct implementers are counted
  // as the cells fill, with no per-cell lists.
  const types = activityTypes.length;
  const countedIn = new Int32Array(implementerNumbers.size * types).fill(-1);
  let max = 0;
  const rows = [...coverage.values()].map((entry, row) => {
    // One pass over the municipality's organisations, each dropped into its types' cells (in
    // the local list's order, as filtering the list per type would give).
    const cells: string[][] = activityTypes.map(() => []);
    const counts = new Array<number>(types).fill(0);
    for (const id of entry.local) {
      const organisation = byId.get(id);
      if (!organisation) continue;
      for (const index of organisation.types) {
        cells[index]?.push(id);
        const counted = organisation.implementer * types + index;
        if (countedIn[counted] === row) continue;
        countedIn[counted] = row;
        const count = (counts[index] ?? 0) + 1;
        counts[index] = count;
        if (count > max) max = count;
      }
    }
    return { municipalityId: entry.id, cells, counts };
  });
  return { activityTypes, rows, max };
}

/**
 * Cells where at least `threshold` distinct organisations do the same activity type in the
 * same municipality, most crowded first (then by municipality order in the matrix).
 */
export function findOverlaps(
  matrix: OverlapMatrix,
  dataset: Dataset,
  organisations: readonly Organisation[],
  threshold = 2,
): Overlap[] {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const contextOf = new Map<string, HotspotEvidence[]>();
  for (const item of dataset.hotspotEvidence) {
    if (item.level !== 0) continue;
    contextOf.set(item.municipalityId, [...(contextOf.get(item.municipalityId) ?? []), item]);
  }
  // Cells are visited in matrix order, and the sort is stable: equal counts keep that order.
  // Plain loops: with thousands of imported records, `flatMap`'s small arrays were most of it.
  const overlaps: Overlap[] = [];
  for (const row of matrix.rows) {
    row.counts.forEach((count, typeIndex) => {
      if (count < threshold) return;
      const ids = row.cells[typeIndex] ?? [];
      const members: Organisation[] = [];
      const plans: string[] = [];
      for (const id of ids) {
        const organisation = byId.get(id);
        if (!organisation) continue;
        members.push(organisation);
        if (organisation.planned) plans.push(organisation.planned.planId);
      }
      overlaps.push({
        municipalityId: row.municipalityId,
        activityType: matrix.activityTypes[typeIndex] ?? '',
        organisations: ids,
        count,
        sharedFocusTypes: (members[0]?.focusTypes ?? []).filter((type) =>
          members.every((o) => o.focusTypes.includes(type)),
        ),
        context: [...(contextOf.get(row.municipalityId) ?? [])],
        plans,
      });
    });
  }
  return overlaps.sort((a, b) => b.count - a.count);
}
