import type { Gazetteer } from './gazetteer-schema';
import { boundedEditDistance, foldPlaceText } from './place-text';

/**
 * Place resolution: free text as people write it ("District of Elbasan (District of Prrenjas,
 * Cerrik, Elbasan)", "Paskuqan, Tirana", "Municipality of Pogradecit") → the counties and
 * municipalities it names, with what matched and how sure we are. It never guesses silently:
 * a name that fits several places is either settled by the text around it (and says so) or
 * reported in `unresolved` with its candidates.
 */

export type AreaLevel = 'country' | 'county' | 'municipality';

export interface AreaRef {
  level: AreaLevel;
  id: string;
  name: string;
}

export interface ResolvedArea extends AreaRef {
  /** The words of the input that named this area. */
  matched: string;
  /** 1 = the official name; lower for forms, settlements, corrected spellings, choices. */
  confidence: number;
  /** Settlements (towns, villages, administrative units) that led to this municipality. */
  via?: string[];
  /** Id of the enclosing area the text named around this one ("X (Y, Z)"). */
  within?: string;
  /** Other places the same words could mean; present when a choice was made. */
  alternatives?: AreaRef[];
  /** Plain-words explanation of any choice or correction. */
  note?: string;
  /**
   * Ids of narrower areas named in brackets after this one ("District of Elbasan (Cërrik,
   * Prrenjas)"): the text's work is there, not across all of this area.
   */
  refinedBy?: string[];
}

export interface UnresolvedPlace {
  text: string;
  reason: 'unknown' | 'ambiguous';
  /** For ambiguous text: the places it could be. For unknown text: close spellings. */
  candidates: AreaRef[];
  /** Id of the enclosing area the text named around this fragment, if any. */
  within?: string;
}

export interface PlaceResolution {
  /** `national` when the text names the whole country; `none` when it names nothing known. */
  scope: 'national' | 'local' | 'none';
  areas: ResolvedArea[];
  unresolved: UnresolvedPlace[];
}

export interface PlaceResolver {
  resolvePlaces: (text: string) => PlaceResolution;
}

type LevelHint = 'county' | 'municipality' | 'settlement' | 'neutral';

interface Descriptor {
  hint: LevelHint;
  /** "Districts of …": describes every name of the list that follows, not only the first. */
  plural: boolean;
  /** "The outskirts of …": the place named is near, not the area itself. */
  vague: boolean;
  /** Ends in "of": it always describes the name that follows. */
  prefixOnly: boolean;
}

type Candidate =
  | { kind: 'country'; form: NameForm }
  | { kind: 'county'; id: string; form: NameForm }
  | { kind: 'municipality'; id: string; form: NameForm }
  | { kind: 'settlement'; name: string; municipality: string; form: NameForm };

type NameForm = 'official' | 'alias' | 'former';

const CONFIDENCE = {
  official: 1,
  alias: 0.95,
  former: 0.9,
  settlement: 0.9,
  chosenByRule: 0.8,
  chosenByContext: 0.8,
  levelMismatch: 0.75,
  spellingCorrected: 0.6,
  commonWord: 0.7,
  vague: 0.7,
} as const;

/** English descriptors of the report's register; a country pack adds its own language's. */
const ENGLISH_DESCRIPTORS: Record<string, LevelHint> = {
  'district of': 'county',
  'districts of': 'county',
  district: 'county',
  districts: 'county',
  'prefecture of': 'county',
  prefecture: 'county',
  'county of': 'county',
  county: 'county',
  'region of': 'county',
  'municipality of': 'municipality',
  'municipalities of': 'municipality',
  municipality: 'municipality',
  municipalities: 'municipality',
  'administrative unit of': 'settlement',
  'administrative units of': 'settlement',
  'administrative unit': 'settlement',
  'administrative units': 'settlement',
  'villages of the administrative units of': 'settlement',
  'villages of the administrative unit of': 'settlement',
  'village of': 'settlement',
  'villages of': 'settlement',
  village: 'settlement',
  villages: 'settlement',
  'commune of': 'settlement',
  commune: 'settlement',
  'city of': 'neutral',
  'town of': 'neutral',
  'areas of': 'neutral',
  'area of': 'neutral',
  'surrounding areas of': 'neutral',
  'rural areas of': 'neutral',
  'outskirts of': 'neutral',
};

/** Words that carry no place: skipped without being reported. */
const NOISE_WORDS = new Set([
  'the',
  'of',
  'in',
  'and',
  'etc',
  'also',
  'area',
  'areas',
  'rural',
  'surrounding',
  'regional',
  'international',
  'i',
  'e',
  'te',
  'se',
  'dhe',
  'ne',
]);

/** Plural descriptor words: "districts of A, B" makes both A and B districts. */
const PLURAL_DESCRIPTOR_WORDS = new Set([
  'districts',
  'municipalities',
  'prefectures',
  'counties',
  'units',
  'villages',
  'communes',
]);

/** Descriptors that name the surroundings of a place rather than the place. */
const VAGUE_DESCRIPTOR_WORDS = new Set(['outskirts', 'surrounding', 'rural', 'areas', 'area']);

/**
 * Place names that are also common English words: in lower case and without a descriptor
 * they are read as words ("Tirana has…"), and even capitalised they get a note.
 */
const COMMON_WORD_NAMES = new Set(['has', 'hot', 'mat']);

/** Brackets deeper than this are read as list separators; no real place text nests further. */
const MAX_BRACKET_DEPTH = 4;

const LIST_SEPARATOR_WORDS = /\s+(?:and|dhe|&)\s+/iy;

interface PlaceItem {
  text: string;
  children: PlaceItem[];
}

/**
 * Splits a place list into items on commas, semicolons, slashes and "and", keeping a
 * parenthesised list attached to the item before it: "A (B, C), D" → [A [B, C], D].
 */
function parsePlaceList(text: string): PlaceItem[] {
  return parseList({ text, position: 0 }, 0);
}

/**
 * The list starting at `cursor.position`, up to its closing bracket at `depth` > 0. The parser's
 * functions are module-level, not closures made per call: under tsx (the command line and the
 * bench) each named closure costs a `__name` call when it is made, about a quarter of the
 * resolver's time.
 */
function parseList(cursor: { text: string; position: number }, depth: number): PlaceItem[] {
  const { text } = cursor;
  const closedByParenthesis = depth > 0;
  const items: PlaceItem[] = [];
  let current = '';
  while (cursor.position < text.length) {
    const character = text[cursor.position] ?? '';
    if ((character === '(' || character === '[') && depth < MAX_BRACKET_DEPTH) {
      cursor.position += 1;
      const children = parseList(cursor, depth + 1);
      pushItem(items, current);
      current = '';
      const owner = items[items.length - 1];
      if (owner) owner.children.push(...children);
      else items.push(...children);
      continue;
    }
    if ((character === ')' || character === ']') && closedByParenthesis) {
      cursor.position += 1;
      break;
    }
    if (',;/\n()[]'.includes(character)) {
      pushItem(items, current);
      current = '';
      cursor.position += 1;
      continue;
    }
    if (/\s/.test(character)) {
      LIST_SEPARATOR_WORDS.lastIndex = cursor.position;
      const separator = LIST_SEPARATOR_WORDS.exec(text);
      if (separator) {
        pushItem(items, current);
        current = '';
        cursor.position += separator[0].length;
        continue;
      }
    }
    current += character;
    cursor.position += 1;
  }
  pushItem(items, current);
  return items;
}

/** Adds the text read so far as an item, unless it is blank. */
function pushItem(items: PlaceItem[], text: string): void {
  const trimmed = text.trim();
  if (trimmed !== '') items.push({ text: trimmed, children: [] });
}

interface Token {
  folded: string;
  start: number;
  end: number;
}

function tokenize(text: string, foldWord: (word: string) => string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) {
    const folded = foldWord(match[0]);
    if (folded !== '') {
      tokens.push({ folded, start: match.index, end: match.index + match[0].length });
    }
  }
  return tokens;
}

interface Mention {
  matched: string;
  candidates: Candidate[];
  hint: LevelHint;
  /** Set when the words were matched to a close spelling rather than a known name. */
  correctedFrom?: string;
  /** The descriptor before it named the place's surroundings ("outskirts of"). */
  vague?: string;
}

interface ScannedItem {
  text: string;
  mentions: Mention[];
  unknown: string[];
  children: ScannedItem[];
  /** A plural descriptor in this item that carries over to the next items of the list. */
  carriedHint: LevelHint | null;
  hasDescriptor: boolean;
}

interface Choice {
  mention: Mention;
  area?: ResolvedArea;
  ambiguous?: AreaRef[];
  /** The words are an ordinary word here, not a place ("has" in "Tirana has…"). */
  ignored?: boolean;
}

/** What `resolvePlaces` has found in a text so far. */
interface Found {
  areas: ResolvedArea[];
  unresolved: UnresolvedPlace[];
  /** Mentions of shared settlement names, settled by context after the first pass. */
  pendingAmbiguous: { choice: Choice; parent: AreaRef | undefined }[];
}

/** What `scanItem` has found so far in one item's text. */
interface ItemScan {
  text: string;
  mentions: Mention[];
  unknown: string[];
  /** The level a descriptor just before asks of the next name ("Municipality of …"). */
  pendingHint: LevelHint | null;
  lastMention: Mention | null;
  /** Where the last mention ends in `text` (-1: none yet). */
  lastMentionEnd: number;
  /** Words matching no name, since the last mention or descriptor. */
  unknownRun: Token[];
}

/**
 * Builds a resolver over one country's gazetteer. The indexes are built once; each call to
 * `resolvePlaces` is then a few map look-ups per word.
 *
 * @example
 * const { resolvePlaces } = createPlaceResolver(gazetteer);
 * resolvePlaces('Paskuqan, Tirana').areas.map((a) => a.name); // ['Kamëz', 'Tiranë']
 */
export function createPlaceResolver(gazetteer: Gazetteer): PlaceResolver {
  const countyById = new Map(gazetteer.counties.map((county) => [county.id, county]));
  const municipalityById = new Map(gazetteer.municipalities.map((m) => [m.id, m]));
  const names = new Map<string, Candidate[]>();
  const descriptors = new Map<string, Descriptor>();
  /** Every word-boundary prefix of a name or descriptor key, so scanning stops early. */
  const keyPrefixes = new Set<string>();
  let longestKey = 1;
  const addPrefixes = (key: string) => {
    const words = key.split(' ');
    for (let length = 1; length < words.length; length += 1) {
      keyPrefixes.add(words.slice(0, length).join(' '));
    }
  };

  const addName = (name: string, candidate: Candidate) => {
    const key = foldPlaceText(name);
    if (key === '') return;
    const list = names.get(key) ?? [];
    if (!list.some((existing) => sameCandidate(existing, candidate))) list.push(candidate);
    names.set(key, list);
    addPrefixes(key);
    longestKey = Math.max(longestKey, key.split(' ').length);
  };
  const addDescriptor = (term: string, hint: LevelHint) => {
    const key = foldPlaceText(term);
    const firstWord = key.split(' ')[0] ?? '';
    descriptors.set(key, {
      hint,
      prefixOnly: key.endsWith(' of'),
      plural:
        key.endsWith(' of') &&
        PLURAL_DESCRIPTOR_WORDS.has(
          key.split(' ').find((word) => PLURAL_DESCRIPTOR_WORDS.has(word)) ?? '',
        ),
      vague: VAGUE_DESCRIPTOR_WORDS.has(firstWord),
    });
    addPrefixes(key);
    longestKey = Math.max(longestKey, key.split(' ').length);
  };

  for (const phrase of [gazetteer.country.name, gazetteer.country.nameLocal]) {
    addName(phrase, { kind: 'country', form: 'official' });
  }
  for (const phrase of gazetteer.country.nationalPhrases) {
    addName(phrase, { kind: 'country', form: 'alias' });
  }
  for (const county of gazetteer.counties) {
    addName(county.name, { kind: 'county', id: county.id, form: 'official' });
    for (const alias of county.aliases)
      addName(alias, { kind: 'county', id: county.id, form: 'alias' });
  }
  for (const municipality of gazetteer.municipalities) {
    const id = municipality.id;
    addName(municipality.name, { kind: 'municipality', id, form: 'official' });
    for (const alias of municipality.aliases)
      addName(alias, { kind: 'municipality', id, form: 'alias' });
    for (const former of municipality.formerNames) {
      addName(former, { kind: 'municipality', id, form: 'former' });
    }
  }
  for (const settlement of gazetteer.settlements) {
    const candidate = (form: NameForm): Candidate => ({
      kind: 'settlement',
      name: settlement.name,
      municipality: settlement.municipality,
      form,
    });
    addName(settlement.name, candidate('official'));
    for (const alias of settlement.aliases) addName(alias, candidate('alias'));
  }
  for (const [term, hint] of Object.entries(ENGLISH_DESCRIPTORS)) addDescriptor(term, hint);
  for (const term of gazetteer.levelTerms.county) addDescriptor(term, 'county');
  for (const term of gazetteer.levelTerms.municipality) addDescriptor(term, 'municipality');
  for (const term of gazetteer.levelTerms.settlement) addDescriptor(term, 'settlement');

  const keysByLength = new Map<number, string[]>();
  for (const key of names.keys()) {
    const bucket = keysByLength.get(key.length) ?? [];
    bucket.push(key);
    keysByLength.set(key.length, bucket);
  }
  const closeSpellingCache = new Map<string, { key: string; distance: number }[]>();
  // Words repeat across place texts; folding each distinct word once saves most of the work.
  // The caches belong to this resolver and are bounded, so results never depend on history.
  const foldedWordCache = new Map<string, string>();
  const foldWord = (word: string): string => {
    let folded = foldedWordCache.get(word);
    if (folded === undefined) {
      folded = foldPlaceText(word);
      if (foldedWordCache.size >= 20_000) foldedWordCache.clear();
      foldedWordCache.set(word, folded);
    }
    return folded;
  };

  const countryRef = (): AreaRef => ({
    level: 'country',
    id: gazetteer.country.code,
    name: gazetteer.country.name,
  });
  const countyRef = (id: string): AreaRef => ({
    level: 'county',
    id,
    name: countyById.get(id)?.name ?? id,
  });
  const municipalityRef = (id: string): AreaRef => ({
    level: 'municipality',
    id,
    name: municipalityById.get(id)?.name ?? id,
  });

  /** Close spellings of an unknown fragment: distance 1 is accepted if unique, 2 suggested. */
  function closeSpellings(folded: string): { key: string; distance: number }[] {
    if (folded.length < 5) return [];
    const cached = closeSpellingCache.get(folded);
    if (cached) return cached;
    const limit = folded.length >= 8 ? 2 : 1;
    const found: { key: string; distance: number }[] = [];
    for (let length = folded.length - limit; length <= folded.length + limit; length += 1) {
      for (const key of keysByLength.get(length) ?? []) {
        const distance = boundedEditDistance(folded, key, limit);
        if (distance <= limit) found.push({ key, distance });
      }
    }
    found.sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key));
    if (closeSpellingCache.size >= 5_000) closeSpellingCache.clear();
    closeSpellingCache.set(folded, found);
    return found;
  }

  /**
   * Ends a run of unknown words: a unique spelling one edit away from a known name is read as
   * that name (noted), anything else is kept as unknown. A resolver-level function, not a closure
   * made per item (see `parseList`).
   */
  function flushUnknown(scan: ItemScan): void {
    const meaningful = scan.unknownRun.filter((token) => !NOISE_WORDS.has(token.folded));
    scan.unknownRun = [];
    const first = meaningful[0];
    const last = meaningful[meaningful.length - 1];
    if (!first || !last) return;
    const original = scan.text.slice(first.start, last.end);
    const folded = foldPlaceText(original);
    const close = closeSpellings(folded);
    const best = close[0];
    const uniqueBest =
      best?.distance === 1 && close.filter((entry) => entry.distance === 1).length === 1;
    const bestCandidates = best ? (names.get(best.key) ?? []) : [];
    if (best && uniqueBest && bestCandidates.length > 0) {
      const mention: Mention = {
        matched: original,
        candidates: bestCandidates,
        hint: scan.pendingHint ?? 'neutral',
        correctedFrom: original,
      };
      scan.pendingHint = null;
      scan.mentions.push(mention);
      scan.lastMention = mention;
      scan.lastMentionEnd = last.end;
      return;
    }
    scan.unknown.push(original);
  }

  function scanItem(item: PlaceItem, inheritedHint: LevelHint | null): ScannedItem {
    const tokens = tokenize(item.text, foldWord);
    const scan: ItemScan = {
      text: item.text,
      mentions: [],
      unknown: [],
      pendingHint: null,
      lastMention: null,
      lastMentionEnd: -1,
      unknownRun: [],
    };
    let pendingVague: string | null = null;
    let carriedHint: LevelHint | null = null;
    let hasDescriptor = false;

    let index = 0;
    while (index < tokens.length) {
      // Longest known key starting here: grow the key word by word while it is still the
      // prefix of some key, remembering the longest one that is a key itself.
      let matchedLength = 0;
      let descriptor: Descriptor | undefined;
      let candidates: Candidate[] | undefined;
      let key = '';
      const maxLength = Math.min(longestKey, tokens.length - index);
      for (let length = 1; length <= maxLength; length += 1) {
        const next = tokens[index + length - 1];
        if (!next) break;
        key = length === 1 ? next.folded : `${key} ${next.folded}`;
        const foundDescriptor = descriptors.get(key);
        const foundNames = foundDescriptor ? undefined : names.get(key);
        if (foundDescriptor || foundNames) {
          matchedLength = length;
          descriptor = foundDescriptor;
          candidates = foundNames;
        }
        if (!keyPrefixes.has(key)) break;
      }
      const first = tokens[index];
      const last = tokens[index + matchedLength - 1];
      if (matchedLength === 0 || !first || !last) {
        if (first) scan.unknownRun.push(first);
        index += 1;
        continue;
      }
      flushUnknown(scan);
      const originalText = item.text.slice(first.start, last.end);
      const lastMention = scan.lastMention;
      if (descriptor) {
        hasDescriptor = true;
        const followsMention =
          lastMention !== null && item.text.slice(scan.lastMentionEnd, first.start).trim() === '';
        if (!descriptor.prefixOnly && followsMention && lastMention) {
          if (lastMention.hint === 'neutral') lastMention.hint = descriptor.hint;
        } else {
          scan.pendingHint = descriptor.hint;
          pendingVague = descriptor.vague ? originalText : null;
          carriedHint = descriptor.plural ? descriptor.hint : null;
        }
      } else if (candidates) {
        const mention: Mention = {
          matched: originalText,
          candidates,
          hint: scan.pendingHint ?? 'neutral',
          ...(pendingVague ? { vague: pendingVague } : {}),
        };
        scan.pendingHint = null;
        pendingVague = null;
        scan.mentions.push(mention);
        scan.lastMention = mention;
        scan.lastMentionEnd = last.end;
      }
      index += matchedLength;
    }
    flushUnknown(scan);
    const { mentions, unknown } = scan;
    if (!hasDescriptor && inheritedHint !== null) {
      for (const mention of mentions) if (mention.hint === 'neutral') mention.hint = inheritedHint;
    }
    return {
      text: item.text,
      mentions,
      unknown,
      children: scanList(item.children),
      carriedHint: hasDescriptor ? carriedHint : inheritedHint,
      hasDescriptor,
    };
  }

  /** Scans a list's items in order, carrying a plural descriptor to the items after it. */
  function scanList(items: PlaceItem[]): ScannedItem[] {
    let carried: LevelHint | null = null;
    return items.map((item) => {
      const scanned = scanItem(item, carried);
      carried = scanned.carriedHint;
      return scanned;
    });
  }

  function confidenceOf(candidate: Candidate): number {
    if (candidate.form === 'official') return CONFIDENCE.official;
    return candidate.form === 'alias' ? CONFIDENCE.alias : CONFIDENCE.former;
  }

  /** First pass: pick an area from the mention's candidates using only the mention itself. */
  function choose(mention: Mention): Choice {
    const { candidates, hint, matched } = mention;
    const corrected = mention.correctedFrom !== undefined;
    // The common words are short and plain ASCII: a length test spares a full fold per mention.
    const commonWord =
      hint === 'neutral' && matched.length <= 4 && COMMON_WORD_NAMES.has(matched.toLowerCase());
    if (commonWord && matched === matched.toLowerCase()) return { mention, ignored: true };
    let country: Candidate | undefined;
    let county: Candidate | undefined;
    let municipality: Candidate | undefined;
    const settlements: Extract<Candidate, { kind: 'settlement' }>[] = [];
    for (const candidate of candidates) {
      if (candidate.kind === 'country') country ??= candidate;
      else if (candidate.kind === 'county') county ??= candidate;
      else if (candidate.kind === 'municipality') municipality ??= candidate;
      else settlements.push(candidate);
    }
    if (country) {
      return finishChoice(corrected, commonWord, {
        mention,
        area: { ...countryRef(), matched, confidence: confidenceOf(country) },
      });
    }
    const settlementMunicipalities = unique(settlements.map((s) => s.municipality));

    if (hint === 'county' && county?.kind === 'county') {
      return finishChoice(corrected, commonWord, {
        mention,
        area: { ...countyRef(county.id), matched, confidence: confidenceOf(county) },
      });
    }
    if (hint !== 'settlement' && municipality?.kind === 'municipality') {
      // "Municipality of Kolonjë" is explicit: the village Kolonjë in Lushnjë is no alternative.
      const elsewhere =
        hint === 'municipality'
          ? []
          : settlementMunicipalities.filter((id) => id !== municipality.id);
      const area: ResolvedArea = {
        ...municipalityRef(municipality.id),
        matched,
        confidence: confidenceOf(municipality),
      };
      if (hint === 'county') {
        area.confidence = Math.min(area.confidence, CONFIDENCE.levelMismatch);
        area.note = `"${matched}" is named as a district but is not a county: read as the municipality`;
      }
      if (elsewhere.length > 0) {
        area.confidence = Math.min(area.confidence, CONFIDENCE.chosenByRule);
        area.alternatives = elsewhere.map(municipalityRef);
        area.note = joinNotes(
          area.note,
          `"${matched}" is also a settlement in ${elsewhere.map((id) => municipalityRef(id).name).join(', ')}; read as the municipality`,
        );
      }
      return finishChoice(corrected, commonWord, { mention, area });
    }
    if (settlementMunicipalities.length === 1) {
      const [municipalityId] = settlementMunicipalities;
      const settlement = settlements[0];
      if (municipalityId && settlement) {
        const area: ResolvedArea = {
          ...municipalityRef(municipalityId),
          matched,
          confidence: CONFIDENCE.settlement,
          via: [settlement.name],
        };
        if (hint === 'county') {
          area.confidence = CONFIDENCE.levelMismatch;
          area.note = `"${matched}" is named as a district but is a settlement of ${area.name}`;
        }
        return finishChoice(corrected, commonWord, { mention, area });
      }
    }
    if (settlementMunicipalities.length > 1) {
      return { mention, ambiguous: settlementMunicipalities.map(municipalityRef) };
    }
    if (municipality?.kind === 'municipality') {
      return finishChoice(corrected, commonWord, {
        mention,
        area: {
          ...municipalityRef(municipality.id),
          matched,
          confidence: confidenceOf(municipality),
        },
      });
    }
    if (county?.kind === 'county') {
      return finishChoice(corrected, commonWord, {
        mention,
        area: { ...countyRef(county.id), matched, confidence: confidenceOf(county) },
      });
    }
    return { mention, ambiguous: [] };
  }

  function contains(outer: AreaRef, inner: AreaRef): boolean {
    if (outer.level === 'country') return inner.level !== 'country';
    if (outer.level === 'county') {
      return (
        (inner.level === 'county' && inner.id === outer.id) ||
        (inner.level === 'municipality' && municipalityById.get(inner.id)?.county === outer.id)
      );
    }
    return inner.level === 'municipality' && inner.id === outer.id;
  }

  /**
   * "Elbasan (Cërrik, Peqin)": the places in brackets are not in the municipality of Elbasan
   * but are in the county of that name, so the outer name means the county.
   */
  function fitEnclosingToBrackets(enclosing: Choice, children: ScannedItem[]): void {
    const area = enclosing.area;
    if (area?.level !== 'municipality') return;
    const inner = children.flatMap((child) =>
      child.mentions.map(choose).flatMap((choice) => (choice.area ? [choice.area] : [])),
    );
    if (inner.length === 0 || inner.some((child) => contains(area, child))) return;
    const county = enclosing.mention.candidates.find(
      (candidate): candidate is Extract<Candidate, { kind: 'county' }> =>
        candidate.kind === 'county' &&
        inner.every((child) => contains(countyRef(candidate.id), child)),
    );
    if (!county) return;
    enclosing.area = {
      ...countyRef(county.id),
      matched: area.matched,
      confidence: Math.min(area.confidence, CONFIDENCE.chosenByContext),
      note: joinNotes(
        area.note,
        `"${area.matched}" read as the county: the places in brackets lie in it`,
      ),
    };
  }

  /**
   * Resolves an item and its brackets into `found`; returns the areas the item itself names.
   * A resolver-level function, not a closure made per text (see `parseList`).
   */
  function visit(item: ScannedItem, parent: AreaRef | undefined, found: Found): ResolvedArea[] {
    const { areas, unresolved, pendingAmbiguous } = found;
    const choices = item.mentions.map(choose).filter((choice) => !choice.ignored);
    // "Northern Albania" names part of the country, which no gazetteer area matches.
    if (item.unknown.length > 0 && choices.some((choice) => choice.area?.level === 'country')) {
      unresolved.push({
        text: item.text,
        reason: 'unknown',
        candidates: [countryRef()],
        ...(parent ? { within: parent.id } : {}),
      });
      return [];
    }
    const enclosingChoice = [...choices].reverse().find((choice) => choice.area);
    if (enclosingChoice) fitEnclosingToBrackets(enclosingChoice, item.children);
    const resolvedHere: ResolvedArea[] = [];
    for (const choice of choices) {
      if (!choice.area) {
        pendingAmbiguous.push({ choice, parent });
        continue;
      }
      if (parent && !(parent.level === choice.area.level && parent.id === choice.area.id)) {
        if (contains(parent, choice.area)) choice.area.within = parent.id;
        else {
          choice.area.note = joinNotes(
            choice.area.note,
            `named inside ${parent.name} but lies outside it`,
          );
        }
      }
      areas.push(choice.area);
      resolvedHere.push(choice.area);
    }
    for (const fragment of item.unknown) {
      const suggestions = closeSpellings(foldPlaceText(fragment)).flatMap((entry) =>
        (names.get(entry.key) ?? []).map(candidateRef),
      );
      unresolved.push({
        text: fragment,
        reason: 'unknown',
        candidates: uniqueRefs(suggestions),
        ...(parent ? { within: parent.id } : {}),
      });
    }
    // The last area named in an item encloses its parenthesised list: "X Municipality (A, B)".
    const enclosing = enclosingChoice?.area;
    const inner = item.children.flatMap((child) => visit(child, enclosing ?? parent, found));
    if (enclosing) {
      const refining = inner.filter(
        (child) =>
          !(child.level === enclosing.level && child.id === enclosing.id) &&
          contains(enclosing, child),
      );
      if (refining.length > 0) enclosing.refinedBy = unique(refining.map((child) => child.id));
    }
    return resolvedHere;
  }

  function resolvePlaces(text: string): PlaceResolution {
    const scanned = scanList(parsePlaceList(text));
    const areas: ResolvedArea[] = [];
    const unresolved: UnresolvedPlace[] = [];
    const pendingAmbiguous: Found['pendingAmbiguous'] = [];

    const found: Found = { areas, unresolved, pendingAmbiguous };
    for (const item of scanned) visit(item, undefined, found);

    // Second pass: a name shared by settlements in several municipalities is settled by the
    // enclosing area or by the other areas the same text names, never by a guess.
    for (const { choice, parent } of pendingAmbiguous) {
      const options = choice.ambiguous ?? [];
      const context = parent ? [parent] : areas;
      const fitting = options.filter((option) => context.some((area) => contains(area, option)));
      const [only] = fitting;
      if (fitting.length === 1 && only) {
        const settlementName = choice.mention.candidates.find((c) => c.kind === 'settlement');
        areas.push({
          ...only,
          matched: choice.mention.matched,
          confidence: CONFIDENCE.chosenByContext,
          ...(settlementName?.kind === 'settlement' ? { via: [settlementName.name] } : {}),
          ...(parent && contains(parent, only) ? { within: parent.id } : {}),
          alternatives: options.filter((option) => option.id !== only.id),
          note: `"${choice.mention.matched}" names settlements in ${options.map((o) => o.name).join(', ')}; ${only.name} fits the places named with it`,
        });
      } else {
        unresolved.push({
          text: choice.mention.matched,
          reason: options.length > 0 ? 'ambiguous' : 'unknown',
          candidates: options,
          ...(parent ? { within: parent.id } : {}),
        });
      }
    }

    const merged = mergeAreas(areas);
    const scope = merged.some((area) => area.level === 'country')
      ? 'national'
      : merged.length > 0
        ? 'local'
        : 'none';
    return { scope, areas: merged, unresolved };
  }

  function candidateRef(candidate: Candidate): AreaRef {
    switch (candidate.kind) {
      case 'country':
        return countryRef();
      case 'county':
        return countyRef(candidate.id);
      case 'municipality':
        return municipalityRef(candidate.id);
      case 'settlement':
        return municipalityRef(candidate.municipality);
    }
  }

  return { resolvePlaces };
}

/**
 * A chosen area with what lowers its confidence noted: a corrected spelling, a name that is
 * also an English word, a vague "around X".
 */
function finishChoice(corrected: boolean, commonWord: boolean, choice: Choice): Choice {
  const { area, mention } = choice;
  if (!area) return choice;
  const { matched } = mention;
  const adjusted = { ...area };
  if (corrected) {
    adjusted.confidence = Math.min(adjusted.confidence, CONFIDENCE.spellingCorrected);
    adjusted.note = joinNotes(
      `"${matched}" is not a known spelling; read as ${area.name}`,
      adjusted.note,
    );
  }
  if (commonWord) {
    adjusted.confidence = Math.min(adjusted.confidence, CONFIDENCE.commonWord);
    adjusted.note = joinNotes(
      adjusted.note,
      `"${matched}" is also an English word; read as the place`,
    );
  }
  if (mention.vague) {
    adjusted.confidence = Math.min(adjusted.confidence, CONFIDENCE.vague);
    adjusted.note = joinNotes(
      adjusted.note,
      `"${mention.vague} ${matched}" names the area around ${area.name}; recorded as ${area.name}`,
    );
  }
  return { ...choice, area: adjusted };
}

function sameCandidate(a: Candidate, b: Candidate): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'country':
      return true;
    case 'settlement':
      return b.kind === 'settlement' && a.name === b.name && a.municipality === b.municipality;
    default:
      return 'id' in b && a.id === b.id;
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function uniqueRefs(refs: AreaRef[]): AreaRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = `${ref.level}:${ref.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function joinNotes(...notes: (string | undefined)[]): string | undefined {
  const present = notes.filter((note): note is string => note !== undefined && note !== '');
  return present.length > 0 ? present.join('; ') : undefined;
}

/** One entry per area, in order of first mention; repeated mentions pool their evidence. */
function mergeAreas(areas: ResolvedArea[]): ResolvedArea[] {
  const byKey = new Map<string, ResolvedArea>();
  for (const area of areas) {
    const key = `${area.level}:${area.id}`;
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, { ...area });
      continue;
    }
    existing.confidence = Math.max(existing.confidence, area.confidence);
    if (area.via) existing.via = unique([...(existing.via ?? []), ...area.via]);
    if (area.within && area.within !== area.id && !existing.within) existing.within = area.within;
    if (area.matched !== existing.matched)
      existing.matched = `${existing.matched}; ${area.matched}`;
    if (area.note) existing.note = joinNotes(existing.note, area.note);
    if (area.refinedBy)
      existing.refinedBy = unique([...(existing.refinedBy ?? []), ...area.refinedBy]);
  }
  return [...byKey.values()];
}
