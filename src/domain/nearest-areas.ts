import { distance } from '@turf/turf';
import type { Gazetteer } from './gazetteer-schema';

export interface NearbyMunicipality {
  id: string;
  /** Great-circle distance between the two seats, in kilometres. */
  km: number;
}

/**
 * The municipalities whose seats are closest to this one's seat. Municipal boundaries are not
 * bundled, so "neighbouring" here means nearest seat to seat, and is labelled so.
 */
export function nearestMunicipalities(
  gazetteer: Gazetteer,
  id: string,
  count = 5,
): NearbyMunicipality[] {
  const origin = gazetteer.municipalities.find((m) => m.id === id);
  if (!origin) return [];
  return gazetteer.municipalities
    .filter((m) => m.id !== id)
    .map((m) => ({
      id: m.id,
      km:
        Math.round(distance(origin.seat.lonLat, m.seat.lonLat, { units: 'kilometers' }) * 10) / 10,
    }))
    .sort((a, b) => a.km - b.km)
    .slice(0, count);
}
