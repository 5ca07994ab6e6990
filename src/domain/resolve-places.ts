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
  let position = 0;

  function parseList(closedByParenthesis: boolean): PlaceItem[] {
    const items: PlaceItem[] = [];
    let current = '';
    const flush = () => {
      const trimmed = current.trim();
      if (trimmed !== '') items.push({ text: trimmed, children: [] });
      current = '';
    };
    while (position < text.length) {
      const character = text[position] ?? '';
      if (character === '(' || character === '[') {
        position += 1;
        const children = parseList(true);
        flush();
        const owner = items[items.length - 1];
        if (owner) owner.children.push(...children);
        else items.push(...children);
        continue;
      }
      if (character === ')' || character === ']') {
        position += 1;
        if (closedByParenthesis) break;
        continue;
      }
      if (character === ',' || character === ';' || character === '/' || character === '\n') {
        flush();
        position += 1;
        continue;
      }
      if (/\s/.test(character)) {
        LIST_SEPARATOR_WORDS.lastIndex = position;
        const separator = LIST_SEPARATOR_WORDS.exec(text);
        if (separator) {
          flush();
          position += separator[0].length;
          continue;
        }
      }
      current += character;
      position += 1;
    }
    flush();
    return items;
  }

  return parseList(false);
}

interface Token {
  folded: string;
  start: number;
  end: number;
}

/** Words repeat across place texts; folding each distinct word once saves most of the work. */
const foldedWordCache = new Map<string, string>();
const FOLDED_WORD_CACHE_LIMIT = 20_000;

function foldWord(word: string): string {
  let folded = foldedWordCache.get(word);
  if (folded === undefined) {
    folded = foldPlaceText(word);
    if (foldedWordCache.size >= FOLDED_WORD_CACHE_LIMIT) foldedWordCache.clear();
    foldedWordCache.set(word, folded);
  }
  return folded;
}

function tokenize(text: string): Token[] {
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
}

interface ScannedItem {
  mentions: Mention[];
  unknown: string[];
  children: ScannedItem[];
}

interface Choice {
  mention: Mention;
  area?: ResolvedArea;
  ambiguous?: AreaRef[];
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
    descriptors.set(key, { hint, prefixOnly: key.endsWith(' of') });
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

  function scanItem(item: PlaceItem): ScannedItem {
    const tokens = tokenize(item.text);
    const mentions: Mention[] = [];
    const unknown: string[] = [];
    const pendingPrefix: { hint: LevelHint | null } = { hint: null };
    let lastMentionEnd = -1;
    let lastMention: Mention | null = null;
    let unknownRun: Token[] = [];

    const flushUnknown = () => {
      const meaningful = unknownRun.filter((token) => !NOISE_WORDS.has(token.folded));
      unknownRun = [];
      const first = meaningful[0];
      const last = meaningful[meaningful.length - 1];
      if (!first || !last) return;
      const original = item.text.slice(first.start, last.end);
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
          hint: pendingPrefix.hint ?? 'neutral',
          correctedFrom: original,
        };
        pendingPrefix.hint = null;
        mentions.push(mention);
        lastMention = mention;
        lastMentionEnd = last.end;
        return;
      }
      unknown.push(original);
    };

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
        if (first) unknownRun.push(first);
        index += 1;
        continue;
      }
      flushUnknown();
      const originalText = item.text.slice(first.start, last.end);
      if (descriptor) {
        const followsMention =
          lastMention !== null && item.text.slice(lastMentionEnd, first.start).trim() === '';
        if (!descriptor.prefixOnly && followsMention && lastMention) {
          if (lastMention.hint === 'neutral') lastMention.hint = descriptor.hint;
        } else {
          pendingPrefix.hint = descriptor.hint;
        }
      } else if (candidates) {
        const mention: Mention = {
          matched: originalText,
          candidates,
          hint: pendingPrefix.hint ?? 'neutral',
        };
        pendingPrefix.hint = null;
        mentions.push(mention);
        lastMention = mention;
        lastMentionEnd = last.end;
      }
      index += matchedLength;
    }
    flushUnknown();
    return { mentions, unknown, children: item.children.map(scanItem) };
  }

  function confidenceOf(candidate: Candidate): number {
    if (candidate.form === 'official') return CONFIDENCE.official;
    return candidate.form === 'alias' ? CONFIDENCE.alias : CONFIDENCE.former;
  }

  /** First pass: pick an area from the mention's candidates using only the mention itself. */
  function choose(mention: Mention): Choice {
    const { candidates, hint, matched } = mention;
    const corrected = mention.correctedFrom !== undefined;
    const finish = (choice: Choice): Choice => {
      if (!corrected || !choice.area) return choice;
      return {
        ...choice,
        area: {
          ...choice.area,
          confidence: Math.min(choice.area.confidence, CONFIDENCE.spellingCorrected),
          note: joinNotes(
            `"${matched}" is not a known spelling; read as ${choice.area.name}`,
            choice.area.note,
          ),
        },
      };
    };
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
      return finish({
        mention,
        area: { ...countryRef(), matched, confidence: confidenceOf(country) },
      });
    }
    const settlementMunicipalities = unique(settlements.map((s) => s.municipality));

    if (hint === 'county' && county?.kind === 'county') {
      return finish({
        mention,
        area: { ...countyRef(county.id), matched, confidence: confidenceOf(county) },
      });
    }
    if (hint !== 'settlement' && municipality?.kind === 'municipality') {
      const elsewhere = settlementMunicipalities.filter((id) => id !== municipality.id);
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
      return finish({ mention, area });
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
        return finish({ mention, area });
      }
    }
    if (settlementMunicipalities.length > 1) {
      return { mention, ambiguous: settlementMunicipalities.map(municipalityRef) };
    }
    if (municipality?.kind === 'municipality') {
      return finish({
        mention,
        area: {
          ...municipalityRef(municipality.id),
          matched,
          confidence: confidenceOf(municipality),
        },
      });
    }
    if (county?.kind === 'county') {
      return finish({
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

  function resolvePlaces(text: string): PlaceResolution {
    const scanned = parsePlaceList(text).map(scanItem);
    const areas: ResolvedArea[] = [];
    const unresolved: UnresolvedPlace[] = [];
    const pendingAmbiguous: { choice: Choice; parent: AreaRef | undefined }[] = [];

    const visit = (item: ScannedItem, parent: AreaRef | undefined) => {
      const choices = item.mentions.map(choose);
      const resolvedHere = choices.flatMap((choice) => (choice.area ? [choice.area] : []));
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
      const enclosing = resolvedHere[resolvedHere.length - 1] ?? parent;
      for (const child of item.children) visit(child, enclosing);
    };
    for (const item of scanned) visit(item, undefined);

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
  }
  return [...byKey.values()];
}
