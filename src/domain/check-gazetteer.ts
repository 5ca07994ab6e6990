import { gazetteerSchema, type Gazetteer } from './gazetteer-schema';

export interface GazetteerProblem {
  /** 1-based line in the JSON text where the offending entry starts, or 1. */
  line: number;
  message: string;
}

export type GazetteerCheck =
  | { gazetteer: Gazetteer; problems: GazetteerProblem[] }
  | { gazetteer: null; problems: GazetteerProblem[] };

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}

/**
 * Parses and checks a gazetteer file: its shape (schema), unique ids, and that every
 * municipality's county and every settlement's municipality exist.
 */
export function checkGazetteer(jsonText: string): GazetteerCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch (error) {
    return {
      gazetteer: null,
      problems: [{ line: 1, message: `not valid JSON: ${(error as Error).message}` }],
    };
  }
  const parsed = gazetteerSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      gazetteer: null,
      problems: parsed.error.issues.slice(0, 50).map((issue) => ({
        line: 1,
        message: `${issue.path.join('.')}: ${issue.message}`,
      })),
    };
  }
  const gazetteer = parsed.data;
  const problems: GazetteerProblem[] = [];
  const seen = new Set<string>();
  for (const area of [...gazetteer.counties, ...gazetteer.municipalities]) {
    if (seen.has(area.id))
      problems.push({
        line: lineOf(jsonText, `"${area.id}"`),
        message: `duplicate id "${area.id}"`,
      });
    seen.add(area.id);
  }
  const countyIds = new Set(gazetteer.counties.map((county) => county.id));
  const municipalityIds = new Set(gazetteer.municipalities.map((m) => m.id));
  for (const municipality of gazetteer.municipalities) {
    if (!countyIds.has(municipality.county)) {
      problems.push({
        line: lineOf(jsonText, `"id": "${municipality.id}"`),
        message: `municipality ${municipality.name} names unknown county "${municipality.county}"`,
      });
    }
  }
  for (const settlement of gazetteer.settlements) {
    if (!municipalityIds.has(settlement.municipality)) {
      problems.push({
        line: lineOf(jsonText, `"name": "${settlement.name}"`),
        message: `settlement ${settlement.name} names unknown municipality "${settlement.municipality}"`,
      });
    }
  }
  return { gazetteer, problems };
}
