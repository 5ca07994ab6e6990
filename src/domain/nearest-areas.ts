export interface NearbyMunicipality {
  id: string;
  /** Great-circle distance between the two seats, in kilometres. */
  km: number;
}

/**
 * The municipalities whose seats are closest to this one's seat, from the seat-to-seat table of
 * `seatDistances` (reach.ts). Municipal boundaries are not bundled, so "neighbouring" here
 * means nearest seat to seat, and is labelled so.
 */
export function nearestMunicipalities(
  distances: ReadonlyMap<string, ReadonlyMap<string, number>>,
  id: string,
  count = 5,
): NearbyMunicipality[] {
  const row = distances.get(id);
  if (!row) return [];
  return [...row]
    .filter(([other]) => other !== id)
    .map(([other, km]) => ({ id: other, km }))
    .sort((a, b) => a.km - b.km)
    .slice(0, count);
}
