import { z } from 'zod';

/**
 * The gazetteer a country pack ships in `geo/gazetteer.json`: its first-level areas (counties),
 * second-level areas (municipalities) and the settlements inside them, with every name form
 * people write. Nothing here is specific to one country: Albania is one pack among the six
 * the regional report covers.
 */

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const sourceRefSchema = z.object({
  /** Short id used by `source` fields below, e.g. "geonames". */
  id: z.string().min(1),
  /** npm package the data was built from, with its exact version. */
  package: z.string().min(1),
  version: z.string().min(1),
  licence: z.string().min(1),
  /** Credit line the app must show. */
  attribution: z.string().min(1),
  url: z.string().url().optional(),
});

export const countySchema = z.object({
  /** Stable id: the NUTS-3 code (Albania: AL011 … AL035). */
  id: z.string().min(1),
  /** Official name in the national language, indefinite form (Tiranë, Shkodër). */
  name: z.string().min(1),
  /** Other ways people write it: ASCII, definite and genitive forms, exonyms. */
  aliases: z.array(z.string().min(1)),
  codes: z.object({
    nuts3: z.string().min(1),
    iso3166_2: z.string().min(1),
    geonamesAdmin1: z.string().min(1),
  }),
  /**
   * Ids of the other counties that share a border with this one, sorted by id. Computed at build
   * time from the unsimplified county polygons, with a small tolerance for slivers and gaps
   * between neighbouring outlines; symmetric (A lists B exactly when B lists A).
   */
  neighbours: z.array(z.string().min(1)),
});

export const seatSchema = z.object({
  /** Settlement name of the seat as the source spells it. */
  name: z.string().min(1),
  lonLat,
  /** True when the position is not the seat itself (e.g. the mean of known settlements). */
  approximate: z.boolean(),
  /** Where the position comes from: "<source id>: <record>" or "override: <reason id>". */
  source: z.string().min(1),
});

export const municipalitySchema = z.object({
  /** Stable id: the Eurostat LAU code (Albania: AL111 … AL357). */
  id: z.string().min(1),
  name: z.string().min(1),
  /** Id of the county it belongs to. */
  county: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  /** Names it had before a renaming, e.g. Ura Vajgurore for Dimal. */
  formerNames: z.array(z.string().min(1)),
  codes: z.object({
    lau: z.string().min(1),
    geonamesAdmin2: z.string().min(1),
  }),
  seat: seatSchema,
});

export const settlementSchema = z.object({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  /** Id of the municipality it belongs to. */
  municipality: z.string().min(1),
  lonLat,
  source: z.string().min(1),
});

export const gazetteerSchema = z.object({
  schemaVersion: z.literal(1),
  country: z.object({
    /** ISO 3166-1 alpha-2. */
    code: z.string().length(2),
    name: z.string().min(1),
    nameLocal: z.string().min(1),
    /** Phrases that mean "the whole country" in free text ("the territory of Albania"). */
    nationalPhrases: z.array(z.string().min(1)),
    /** [west, south, east, north] in degrees. */
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  }),
  /** Local-language words that mark an area's level in free text ("qarku", "bashkia"). */
  levelTerms: z.object({
    county: z.array(z.string().min(1)),
    municipality: z.array(z.string().min(1)),
    settlement: z.array(z.string().min(1)),
  }),
  sources: z.array(sourceRefSchema).min(1),
  counties: z.array(countySchema).min(1),
  municipalities: z.array(municipalitySchema).min(1),
  settlements: z.array(settlementSchema),
});

export type SourceRef = z.infer<typeof sourceRefSchema>;
export type County = z.infer<typeof countySchema>;
export type Municipality = z.infer<typeof municipalitySchema>;
export type Settlement = z.infer<typeof settlementSchema>;
export type Gazetteer = z.infer<typeof gazetteerSchema>;
export type LonLat = z.infer<typeof lonLat>;
