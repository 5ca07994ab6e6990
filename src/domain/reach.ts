import { distance } from '@turf/turf';
import { implementerKey, type MunicipalityCoverage } from './coverage';
import type { Gazetteer } from './gazetteer-schema';
import type { Organisation } from './dataset';

/**
 * Reach: for work nobody does in a municipality, the nearest municipality where someone does
 * it, so a donor can ask whether a neighbour's programme could extend rather than start anew.
 * Municipal boundaries are not bundled, so distance is seat to seat, great-circle, in km.
 */

export interface ReachOption {
  activityType: string;
  /** Nearest municipality whose named organisations do this activity type, or null if none. */
  nearest: {
    municipalityId: string;
    km: number;
    /** The organisations doing it there. */
    organisations: string[];
  } | null;
}

/** Seat-to-seat distances between all municipalities, in km (rounded to 0.1). */
export function seatDistances(gazetteer: Gazetteer): Map<string, Map<string, number>> {
  const result = new Map<string, Map<string, number>>();
  for (const from of gazetteer.municipalities) {
    const row = new Map<string, number>();
    for (const to of gazetteer.municipalities) {
      row.set(
        to.id,
        Math.round(distance(from.seat.lonLat, to.seat.lonLat, { units: 'kilometers' }) * 10) / 10,
      );
    }
    result.set(from.id, row);
  }
  return result;
}

/**
 * For each of `activityTypes` (normally those missing in the municipality), the nearest other
 * municipality where an organisation naming it does that type. Ties go to more organisations.
 */
export function reachFor(
  municipalityId: string,
  activityTypes: readonly string[],
  coverage: ReadonlyMap<string, MunicipalityCoverage>,
  organisations: readonly Organisation[],
  distances: ReadonlyMap<string, ReadonlyMap<string, number>>,
): ReachOption[] {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const fromRow = distances.get(municipalityId);
  return activityTypes.map((activityType) => {
    let best: ReachOption['nearest'] = null;
    let bestCount = 0;
    for (const entry of coverage.values()) {
      if (entry.id === municipalityId) continue;
      const doing = entry.local.filter((id) => byId.get(id)?.activityTypes.includes(activityType));
      if (doing.length === 0) continue;
      const km = fromRow?.get(entry.id);
      if (km === undefined) continue;
      const count = new Set(doing.map((id) => implementerKey(byId.get(id) as Organisation))).size;
      if (best === null || km < best.km || (km === best.km && count > bestCount)) {
        best = { municipalityId: entry.id, km, organisations: doing };
        bestCount = count;
      }
    }
    return { activityType, nearest: best };
  });
}
