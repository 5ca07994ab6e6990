// A SYNTHETIC partner 3W sheet for benchmarks and the bench smoke test: made-up organisations
// ("Synthetic partner 123") doing real activity types in real places, written the ways people
// write them. Never written to data/.
import { importChanges } from '../../src/domain/apply-import';
import type { Dataset, TaxonomyEntry } from '../../src/domain/dataset';
import type { Gazetteer, Municipality } from '../../src/domain/gazetteer-schema';
import { previewImport } from '../../src/domain/import-3w';
import {
  applyEdits,
  NO_EDITS,
  withOrganisations,
  type LocalEdits,
} from '../../src/domain/local-edits';
import { foldPlaceText } from '../../src/domain/place-text';
import { createPlaceResolver } from '../../src/domain/resolve-places';

const DEFAULT_SEED = 20_261_122;

/** Header row: `;`-separated, headers the importer reads as organisation, kind, activity, place. */
export const SYNTHETIC_HEADER = 'Organisation;Type;Activity;Location';

/** mulberry32: a small, fast, seeded PRNG; the same seed gives the same sheet everywhere. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Where partners work: roughly by population, so the big cities have most rows. */
const MUNICIPALITY_WEIGHT: Readonly<Record<string, number>> = {
  Tiranë: 14,
  Durrës: 6,
  Elbasan: 5,
  Shkodër: 5,
  Vlorë: 4,
  Fier: 4,
  Korçë: 4,
  Kamëz: 3,
  Berat: 3,
  Lushnjë: 3,
  Kavajë: 2,
  Lezhë: 2,
  Kukës: 2,
  Pogradec: 2,
  Sarandë: 2,
  Gjirokastër: 2,
  Dibër: 2,
};

function weightedPicker(gazetteer: Gazetteer): (random: Random) => Municipality {
  const cumulative: number[] = [];
  let total = 0;
  for (const municipality of gazetteer.municipalities) {
    total += MUNICIPALITY_WEIGHT[municipality.name] ?? 1;
    cumulative.push(total);
  }
  return (random) => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return gazetteer.municipalities[low] as Municipality;
  };
}

/** Typing slips in a long enough name: two neighbouring letters swapped, one dropped or doubled. */
function slipsOf(name: string): string[] {
  if (name.length < 6) return [];
  const slips: string[] = [];
  for (let at = 1; at < name.length - 2; at += 1) {
    slips.push(`${name.slice(0, at)}${name[at + 1]}${name[at]}${name.slice(at + 2)}`);
    slips.push(`${name.slice(0, at)}${name.slice(at + 1)}`);
    slips.push(`${name.slice(0, at)}${name[at]}${name.slice(at)}`);
  }
  return slips;
}

type PlaceForm =
  | 'official'
  | 'folded'
  | 'definite'
  | 'bashkia'
  | 'municipalityOf'
  | 'settlement'
  | 'settlementInDistrict'
  | 'slip';

/** Share of each way of writing a place, in order; the rest is the official name. */
const PLACE_FORM_SHARE: readonly [PlaceForm, number][] = [
  ['slip', 0.02],
  ['official', 0.23],
  ['folded', 0.17],
  ['definite', 0.13],
  ['bashkia', 0.11],
  ['municipalityOf', 0.08],
  ['settlement', 0.2],
  ['settlementInDistrict', 0.06],
];

/**
 * How people write a place in a municipality: names with and without diacritics, definite
 * forms, "Bashkia X", "Municipality of X", settlements ("Paskuqan"), "X, District of Y" and a
 * few slips. Only forms the place resolver reads as exactly that municipality are kept (an
 * ambiguous settlement name or an unreadable slip would make the row an import error).
 */
type PlaceWriter = (random: Random, municipality: Municipality) => string;

/** Checking every form through the resolver takes most of a second: once per gazetteer. */
const placeWriters = new WeakMap<Gazetteer, PlaceWriter>();

function placeWriter(gazetteer: Gazetteer): PlaceWriter {
  const known = placeWriters.get(gazetteer);
  if (known) return known;
  const resolver = createPlaceResolver(gazetteer);
  const countyById = new Map(gazetteer.counties.map((county) => [county.id, county]));
  const settlementsOf = new Map<string, string[]>();
  for (const settlement of gazetteer.settlements) {
    const list = settlementsOf.get(settlement.municipality) ?? [];
    list.push(settlement.name);
    settlementsOf.set(settlement.municipality, list);
  }
  const formsOf = new Map<string, Map<PlaceForm, string[]>>();
  for (const municipality of gazetteer.municipalities) {
    const readsAsIt = (text: string) => {
      const resolution = resolver.resolvePlaces(text);
      const municipalities = resolution.areas.filter((area) => area.level === 'municipality');
      return (
        resolution.unresolved.length === 0 &&
        municipalities.length === 1 &&
        municipalities[0]?.id === municipality.id
      );
    };
    const county = countyById.get(municipality.county);
    const countyName = county?.aliases.find((alias) => /a$/.test(alias)) ?? county?.name ?? '';
    const definite = municipality.aliases.filter((alias) => /[aeiu]t?$/i.test(alias));
    const settlements = (settlementsOf.get(municipality.id) ?? []).filter(
      (name) => foldPlaceText(name) !== foldPlaceText(municipality.name),
    );
    const folded = foldPlaceText(municipality.name).replace(/(^|[\s-])\p{L}/gu, (c) =>
      c.toUpperCase(),
    );
    const candidates: Record<PlaceForm, string[]> = {
      official: [municipality.name],
      folded: [folded],
      definite,
      bashkia: [municipality.name, ...definite].map((name) => `Bashkia ${name}`),
      municipalityOf: [`Municipality of ${municipality.name}`],
      settlement: settlements,
      settlementInDistrict: settlements.map((name) => `${name}, District of ${countyName}`),
      slip: slipsOf(municipality.name).filter(
        (slip) => foldPlaceText(slip) !== foldPlaceText(municipality.name),
      ),
    };
    const forms = new Map<PlaceForm, string[]>();
    for (const [form, texts] of Object.entries(candidates) as [PlaceForm, string[]][]) {
      forms.set(form, [...new Set(texts)].filter(readsAsIt));
    }
    formsOf.set(municipality.id, forms);
  }
  const write: PlaceWriter = (random, municipality) => {
    const forms = formsOf.get(municipality.id);
    let roll = random();
    for (const [form, share] of PLACE_FORM_SHARE) {
      roll -= share;
      if (roll < 0) {
        const texts = forms?.get(form) ?? [];
        return texts.length > 0 ? pick(random, texts) : municipality.name;
      }
    }
    return municipality.name;
  };
  placeWriters.set(gazetteer, write);
  return write;
}

/** How people write an activity type: its label, its id, a keyword phrase, or two ids. */
function writeActivity(
  random: Random,
  type: TaxonomyEntry,
  others: readonly TaxonomyEntry[],
): string {
  const roll = random();
  if (roll < 0.4) return type.label;
  if (roll < 0.55) return type.label.toLowerCase();
  if (roll < 0.7) return type.id;
  if (roll < 0.9) {
    const keyword = type.keywords.find((word) => !word.includes('*')) ?? type.label;
    return `${keyword.charAt(0).toUpperCase()}${keyword.slice(1)} activities`;
  }
  const other = pick(random, others);
  return other.id === type.id ? type.id : `${type.id}, ${other.id}`;
}

/** A few distinct items, picked with `next` (which may repeat itself). */
function distinct<T>(random: Random, count: number, next: (random: Random) => T): T[] {
  const chosen = new Set<T>();
  for (let attempt = 0; chosen.size < count && attempt < count * 20; attempt += 1) {
    chosen.add(next(random));
  }
  return [...chosen];
}

const NATIONAL_PLACES = ['Albania', 'Shqipëri', 'nationwide', 'National', 'Shqiperia'];

function csvCell(value: string): string {
  return /[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A SYNTHETIC 3W sheet: `rows` activity rows (CSV text, header row first, `;`-separated,
 * headers the importer recognises), deterministic for a seed.
 */
export function syntheticSheet(
  rows: number,
  gazetteer: Gazetteer,
  dataset: Dataset,
  seed: number = DEFAULT_SEED,
): string {
  const random = seededRandom(seed);
  const weighted = weightedPicker(gazetteer);
  const writePlace = placeWriter(gazetteer);
  const kinds = dataset.organisationKinds.flatMap((kind) => [kind.id, kind.label]);
  const lines = [SYNTHETIC_HEADER];
  let organisation = 0;
  // The first partners' areas go round every municipality once, so that a big enough sheet
  // (a few hundred rows) names all 61.
  let nextUncovered = 0;
  while (lines.length - 1 < rows) {
    organisation += 1;
    const name = `Synthetic partner ${organisation}`;
    const kind = random() < 0.7 ? 'CSO' : pick(random, kinds);
    // One line per area × activity type: 10–25 lines, two to four types, so three to thirteen
    // areas; one partner in fifty works nationwide (one line per type).
    const types = distinct(random, 2 + Math.floor(random() * 3), (r) =>
      pick(r, dataset.activityTypes),
    );
    const national = random() < 0.02;
    const lineCount = 10 + Math.floor(random() * 16);
    const areaCount = national ? 1 : Math.ceil(lineCount / types.length);
    const areas: Municipality[] = [];
    while (areas.length < areaCount && nextUncovered < gazetteer.municipalities.length) {
      areas.push(gazetteer.municipalities[nextUncovered] as Municipality);
      nextUncovered += 1;
    }
    for (const area of distinct(random, areaCount, weighted)) {
      if (areas.length < areaCount && !areas.includes(area)) areas.push(area);
    }
    const cells = areas.flatMap((area) => types.map((type) => ({ area, type })));
    // Shuffled (Fisher–Yates), so a partner's lines do not come in area order.
    for (let index = cells.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [cells[index], cells[other]] = [
        cells[other] as (typeof cells)[0],
        cells[index] as (typeof cells)[0],
      ];
    }
    for (const { area, type } of cells.slice(0, national ? types.length : lineCount)) {
      if (lines.length - 1 >= rows) break;
      const place = national ? pick(random, NATIONAL_PLACES) : writePlace(random, area);
      lines.push([name, kind, writeActivity(random, type, types), place].map(csvCell).join(';'));
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The published dataset plus the sheet's organisations, through the real import path
 * (previewImport → importChanges → withOrganisations → applyEdits).
 */
export function syntheticDataset(
  rows: number,
  gazetteer: Gazetteer,
  dataset: Dataset,
  seed: number = DEFAULT_SEED,
): { dataset: Dataset; edits: LocalEdits } {
  const context = { gazetteer, dataset };
  const sheet = syntheticSheet(rows, gazetteer, dataset, seed);
  const preview = previewImport('synthetic.csv', sheet, context);
  const changes = importChanges(preview, context, {
    fileName: 'synthetic.csv',
    importedAt: '2026-11-22',
    skipErrors: true,
  });
  if (!changes.ok) throw new Error(`synthetic sheet does not import: ${changes.message.code}`);
  const edits = withOrganisations(
    NO_EDITS,
    dataset,
    changes.organisations.map((item) => item.organisation),
    [changes.document],
  );
  return { dataset: applyEdits(dataset, edits), edits };
}
