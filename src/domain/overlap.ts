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
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const activityTypes = dataset.activityTypes.map((type) => type.id);
  let max = 0;
  const rows = [...coverage.values()].map((entry) => {
    const local = entry.local.flatMap((id) => byId.get(id) ?? []);
    const cells = activityTypes.map((type) =>
      local.filter((o) => o.activityTypes.includes(type)).map((o) => o.id),
    );
    const counts = cells.map(
      (ids) => new Set(ids.map((id) => implementerKey(byId.get(id) as Organisation))).size,
    );
    max = Math.max(max, ...counts);
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
  // Cells are visited in matrix order, and the sort is stable: equal counts keep that order.
  const overlaps = matrix.rows.flatMap((row) =>
    row.counts.flatMap((count, typeIndex): Overlap[] => {
      if (count < threshold) return [];
      const ids = row.cells[typeIndex] ?? [];
      const members = ids.flatMap((id) => byId.get(id) ?? []);
      const [first, ...rest] = members.map((o) => o.focusTypes);
      return [
        {
          municipalityId: row.municipalityId,
          activityType: matrix.activityTypes[typeIndex] ?? '',
          organisations: ids,
          count,
          sharedFocusTypes: (first ?? []).filter((type) =>
            rest.every((types) => types.includes(type)),
          ),
          context: dataset.hotspotEvidence.filter(
            (item) => item.municipalityId === row.municipalityId && item.level === 0,
          ),
          plans: members.flatMap((o) => (o.planned ? [o.planned.planId] : [])),
        },
      ];
    }),
  );
  return overlaps.sort((a, b) => b.count - a.count);
}
