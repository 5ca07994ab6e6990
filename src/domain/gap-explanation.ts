import type { MunicipalityCoverage } from './coverage';
import type { HotspotEvidence, HotspotLevel } from './dataset';

/**
 * Every gap score can be opened to see its inputs: "Bulqizë: priority hotspot (…), 0 local
 * organisations, 9 of 12 activity types missing". No black box. Plain data plus one sentence,
 * shared by the dashboard and the command line; its words are a parameter (`GapWords`), English
 * by default.
 */

export interface GapExplanation {
  municipalityId: string;
  rank: number;
  gapScore: number;
  hotspotLevel: HotspotLevel;
  /** Evidence for the hotspot level, highest level first (context-only remarks excluded). */
  evidence: HotspotEvidence[];
  need: number;
  /**
   * Counted presence: distinct implementers naming the municipality, distinct others naming its
   * county, nationwide organisations.
   */
  local: number;
  countyWide: number;
  nationwide: number;
  nationwideWeight: number;
  presenceTerms: MunicipalityCoverage['presenceTerms'];
  presence: number;
  coverage: number;
  missingActivityTypes: string[];
  /** How many activity types were considered (all, or those the filter selects). */
  consideredActivityTypes: number;
}

export const HOTSPOT_LEVEL_PHRASE: Record<HotspotLevel, string> = {
  3: 'priority hotspot',
  2: 'hotspot',
  1: 'named among P/CVE focus areas',
  0: 'not named as a hotspot',
};

export function explainGap(
  coverage: MunicipalityCoverage,
  evidence: readonly HotspotEvidence[],
  rank: number,
): GapExplanation {
  return {
    municipalityId: coverage.id,
    rank,
    gapScore: coverage.gapScore,
    hotspotLevel: coverage.hotspotLevel,
    evidence: evidence
      .filter((item) => item.municipalityId === coverage.id && item.level > 0)
      .sort((a, b) => b.level - a.level),
    need: coverage.need,
    local: coverage.counts.local,
    countyWide: coverage.counts.countyWide,
    nationwide: coverage.counts.nationwide,
    nationwideWeight: coverage.nationwideWeight,
    presenceTerms: coverage.presenceTerms,
    presence: coverage.presence,
    coverage: coverage.coverage,
    missingActivityTypes: coverage.activityTypesMissing,
    consideredActivityTypes:
      coverage.activityTypesMissing.length + coverage.activityTypesCovered.length,
  };
}

/** "pcve-partner-municipality" → "P/CVE partner municipality". */
export function evidenceKindText(kind: string): string {
  return kind.replace(/-/g, ' ').replace(/\bpcve\b/gi, 'P/CVE');
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What `describeGap` says after the hotspot status: presence, what is missing, the score. */
export interface GapCounts {
  local: number;
  countyWide: number;
  nationwide: number;
  nationwideWeight: number;
  missing: number;
  considered: number;
  gapScore: number;
}

/**
 * The words of the gap sentence, so the dashboard can say it in the interface's language; the
 * command line and the report use `ENGLISH_GAP_WORDS`.
 */
export interface GapWords {
  /** "priority hotspot", "not named as a hotspot". */
  hotspot: (level: HotspotLevel) => string;
  /** An evidence kind ("pcve-partner-municipality") in words. */
  evidenceKind: (kind: string, level: HotspotLevel) => string;
  /** " and 2 more passages" after the strongest evidence ("" for none). */
  moreEvidence: (count: number) => string;
  /** "0 local organisations, 1 naming its county, …; 2 of 3 activity types missing. Gap 0.78." */
  counts: (counts: GapCounts) => string;
}

export const ENGLISH_GAP_WORDS: GapWords = {
  hotspot: (level) => HOTSPOT_LEVEL_PHRASE[level],
  evidenceKind: evidenceKindText,
  moreEvidence: (count) =>
    count > 0 ? ` and ${plural(count, 'more passage', 'more passages')}` : '',
  counts: (c) => {
    const nationwide =
      c.nationwideWeight > 0
        ? `${c.nationwide} nationwide at ${c.nationwideWeight} each`
        : `${c.nationwide} nationwide (not counted)`;
    return (
      `${plural(c.local, 'local organisation', 'local organisations')}, ` +
      `${c.countyWide} naming its county, ${nationwide}; ` +
      `${c.missing} of ${c.considered} activity types missing. ` +
      `Gap ${c.gapScore.toFixed(2)}.`
    );
  },
};

/** The numbers the gap sentence states after the hotspot status. */
export function gapCounts(explanation: GapExplanation): GapCounts {
  return {
    local: explanation.local,
    countyWide: explanation.countyWide,
    nationwide: explanation.nationwide,
    nationwideWeight: explanation.nationwideWeight,
    missing: explanation.missingActivityTypes.length,
    considered: explanation.consideredActivityTypes,
    gapScore: explanation.gapScore,
  };
}

/** "where document, location" for the strongest piece of evidence, with how many more. */
export function evidenceSummary(
  explanation: GapExplanation,
  documentTitle: (id: string) => string,
  words: GapWords = ENGLISH_GAP_WORDS,
): string {
  const [first, ...rest] = explanation.evidence;
  if (!first) return '';
  return `${words.evidenceKind(first.kind, first.level)}: ${documentTitle(first.document)}, ${first.location}${words.moreEvidence(rest.length)}`;
}

/**
 * One sentence a coordinator can read aloud: why the municipality ranks where it does.
 * @example "Mat: hotspot (security council in hotspot area: Mapping Report, Section V), 0 local
 *   organisations, 1 naming its county, 15 nationwide (not counted); 11 of 12 activity types
 *   missing. Gap 0.58."
 */
export function describeGap(
  explanation: GapExplanation,
  names: { area: (id: string) => string; document: (id: string) => string },
  words: GapWords = ENGLISH_GAP_WORDS,
): string {
  const evidence = evidenceSummary(explanation, names.document, words);
  const hotspot = `${words.hotspot(explanation.hotspotLevel)}${evidence ? ` (${evidence})` : ''}`;
  return `${names.area(explanation.municipalityId)}: ${hotspot}, ${words.counts(gapCounts(explanation))}`;
}
