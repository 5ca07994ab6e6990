import type { MunicipalityCoverage } from './coverage';
import type { HotspotEvidence, HotspotLevel } from './dataset';

/**
 * Every gap score can be opened to see its inputs: "Bulqizë: priority hotspot (…), 0 local
 * organisations, 9 of 12 activity types missing". No black box. Plain data plus one English
 * sentence, shared by the dashboard and the command line.
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

/** "where document, location" for the strongest piece of evidence, with how many more. */
export function evidenceSummary(
  explanation: GapExplanation,
  documentTitle: (id: string) => string,
): string {
  const [first, ...rest] = explanation.evidence;
  if (!first) return '';
  const more =
    rest.length > 0 ? ` and ${plural(rest.length, 'more passage', 'more passages')}` : '';
  return `${evidenceKindText(first.kind)}: ${documentTitle(first.document)}, ${first.location}${more}`;
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
): string {
  const evidence = evidenceSummary(explanation, names.document);
  const hotspot = `${HOTSPOT_LEVEL_PHRASE[explanation.hotspotLevel]}${evidence ? ` (${evidence})` : ''}`;
  const nationwide =
    explanation.nationwideWeight > 0
      ? `${explanation.nationwide} nationwide at ${explanation.nationwideWeight} each`
      : `${explanation.nationwide} nationwide (not counted)`;
  return (
    `${names.area(explanation.municipalityId)}: ${hotspot}, ` +
    `${plural(explanation.local, 'local organisation', 'local organisations')}, ` +
    `${explanation.countyWide} naming its county, ${nationwide}; ` +
    `${explanation.missingActivityTypes.length} of ${explanation.consideredActivityTypes} activity types missing. ` +
    `Gap ${explanation.gapScore.toFixed(2)}.`
  );
}
