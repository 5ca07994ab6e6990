import type { HotspotLevel } from '../../domain/dataset';
import type { GapWords } from '../../domain/gap-explanation';
import { formatNumber } from '../format';
import type { TranslationOf } from '../table';

/** What nobody does in a municipality, as the Gaps list summarises it (type labels, counts). */
export interface MissingSummary {
  missing: readonly string[];
  covered: readonly string[];
  /** How many of the missing types only nationwide organisations do. */
  nationwideOnly: number;
  /** Whether the filters select activity types (then only those are judged). */
  filtered: boolean;
}

/** Numbers below are already formatted for the language (`formatNumber`). */
interface RowCounts {
  local: string;
  countyWide: string;
  nationwide: string;
  /** The nationwide weight, or null when nationwide organisations are not counted. */
  weight: string | null;
}

interface FormulaWeights {
  local: string;
  countyWide: string;
  nationwide: string;
  counted: boolean;
}

interface TieSpanText {
  first: string;
  last: string;
  gap: string;
}

/** Gaps panel, gap explanations, hotspot badges, Area panel. */
export const gapsEn = {
  // Hotspot badges.
  'gaps.hotspot.3': 'Priority hotspot',
  'gaps.hotspot.2': 'Hotspot: partner / council',
  'gaps.hotspot.1': 'Hotspot: focus area',

  // Gaps panel.
  'gaps.intro':
    'Areas from most to least underserved: hotspots with little or no presence come first. Open “Why” on any row to see the inputs of its score.',
  'gaps.scenario': (count: number, formatted: string) =>
    `Showing the picture with ${formatted} planned ${count === 1 ? 'intervention' : 'interventions'}.`,
  'gaps.level.legend': 'Rank',
  'gaps.level.municipality': 'Municipalities',
  'gaps.level.county': 'Counties',
  'gaps.formula.summary': 'How the gap score is computed',
  'gaps.formula.gap': 'Gap = need × (1 − coverage), from 0 (well served) to 1 (most underserved).',
  'gaps.formula.needTerm': 'Need',
  'gaps.formula.need':
    ' = 0.25 + 0.25 × hotspot level (level 0 when no document names the municipality, 3 for a priority for intervention).',
  'gaps.formula.coverageTerm': 'Coverage',
  'gaps.formula.presence': 'presence',
  'gaps.formula.rest': (w: FormulaWeights) =>
    `, where presence counts each organisation naming the municipality as ${w.local}, each other one naming its whole county as ${w.countyWide}, and each nationwide one as ${w.nationwide}${w.counted ? '' : ' (not counted)'}. An organisation counts once in a place, even with a planned extension there. Only organisations passing the current filters count, and “missing” activity types are judged among those the filters select. A county's gap is the mean of its municipalities' gaps weighted by their need.`,
  'gaps.list.municipalities': 'Municipalities ranked by gap',
  'gaps.list.counties': 'Counties ranked by gap',
  'gaps.score': (score: string) => `gap score ${score}`,
  'gaps.tied': ' (tied)',
  'gaps.tie.municipality': (span: TieSpanText & { local: string }) =>
    `Ranks ${span.first}–${span.last} share a gap of ${span.gap}, the same hotspot level and the same number of local organisations (${span.local}); their order is alphabetical.`,
  'gaps.tie.county': (span: TieSpanText) =>
    `Ranks ${span.first}–${span.last} share a gap of ${span.gap} and the same highest hotspot level; their order is alphabetical.`,
  'gaps.row.counts': (c: RowCounts) =>
    `${c.local} local · ${c.countyWide} county-wide · ${c.nationwide} nationwide${c.weight === null ? ' (not counted)' : ` (× ${c.weight})`}`,
  'gaps.row.missing': ({ missing, covered, nationwideOnly, filtered }: MissingSummary) => {
    const selected = filtered ? 'selected ' : '';
    if (missing.length === 0) return `Every ${selected}activity type is covered`;
    const total = missing.length + covered.length;
    const nationwide =
      nationwideOnly === 0
        ? ''
        : missing.length === 1
          ? 'done by nationwide organisations'
          : `${nationwideOnly} of them done by nationwide organisations`;
    if (missing.length <= 3 || covered.length === 0) {
      const summary =
        missing.length === total && total > 3
          ? `Nobody here: none of the ${total} ${selected}activity types`
          : `Nobody here: ${missing.length} of ${total} ${selected}activity types (${missing.join(', ')})`;
      return nationwide ? `${summary}; ${nationwide}` : summary;
    }
    return `Nobody here: ${missing.length} of ${total} ${selected}activity types${nationwide ? ` (${nationwide})` : ''}; only ${covered.join(', ')}`;
  },
  'gaps.row.planChange': (p: {
    gapBefore: string;
    gapAfter: string;
    rankBefore: string;
    rankAfter: string;
  }) => `With plans: gap ${p.gapBefore} → ${p.gapAfter}, rank ${p.rankBefore} → ${p.rankAfter}`,
  'gaps.county.counts': (municipalities: string, worst: string | null) =>
    `${municipalities} municipalities${worst === null ? '' : `; most underserved: ${worst}`}`,
  'gaps.whyLabel.municipality': (name: string, rank: string) => `Why is ${name} number ${rank}?`,
  'gaps.whyLabel.municipalityTied': (name: string) => `Why is ${name} ranked `,
  'gaps.whyLabel.county': (name: string, rank: string) => `Why is ${name} county number ${rank}?`,
  'gaps.whyLabel.countyTied': (name: string) => `Why is ${name} county ranked `,

  // Nationwide weight.
  'gaps.weight.label': 'Weight of each nationwide organisation in every municipality',
  'gaps.weight.zeroValueText': '0, not counted',
  'gaps.weight.zero': '0 (not counted)',
  'gaps.weight.count': (weight: string) => `Count them at ${weight}`,
  'gaps.weight.dontCount': "Don't count them",

  // One municipality's or county's gap, explained.
  'gaps.why.tie': (first: string, last: string) =>
    `(tied: ranks ${first}–${last} share it; listed by name)`,
  'gaps.why.planned': ' (planned)',
  'gaps.why.caption': (name: string) => `Inputs of the gap score of ${name}`,
  'gaps.why.need': 'Need',
  'gaps.why.presence': 'Presence',
  'gaps.why.coverage': 'Coverage',
  'gaps.why.gap': 'Gap',
  'gaps.why.missing': 'Missing',
  'gaps.why.needTerms': (level: string) => `0.25 + 0.25 × hotspot level ${level} =`,
  'gaps.why.presenceTerms': (p: RowCounts) =>
    `${p.local} named × 1 + ${p.countyWide} county-wide × 0.5 + ${p.nationwide} nationwide × ${p.weight ?? '0'} =`,
  'gaps.why.rank': (rank: string) => `, rank ${rank}`,
  'gaps.why.none': 'none',
  'gaps.why.ofConsidered': (missing: string, considered: string) => `(${missing} of ${considered})`,
  'gaps.why.nationwideOnly': 'Of these, only nationwide organisations do:',
  'gaps.why.nationwideOnlyNote': '(they never make a type present here)',
  'gaps.why.evidence': (count: number, formatted: string) =>
    `Hotspot evidence (${formatted} ${count === 1 ? 'passage' : 'passages'})`,
  'gaps.why.level': (level: string) => `Level ${level}`,
  'gaps.why.reach': 'Nearest place doing what is missing here (seat to seat)',
  'gaps.why.reachNobody': 'nobody names a municipality for it',
  'gaps.countyWhy.head': (c: { county: string; gap: string; rank: string; of: string }) =>
    `${c.county} county: gap ${c.gap}, rank ${c.rank} of ${c.of}`,
  'gaps.countyWhy.mean': (c: { count: string; weighted: string; need: string }) =>
    `. The mean of its ${c.count} municipalities' gaps, each weighted by its need: Σ need × gap = ${c.weighted}, Σ need = ${c.need}, ${c.weighted} / ${c.need} =`,
  'gaps.countyWhy.caption': (county: string) => `Municipalities of ${county} county and their gaps`,
  'gaps.countyWhy.municipality': 'Municipality',

  // Area panel.
  'gaps.area.municipalityDetails': (name: string) => `${name}: municipality details`,
  'gaps.area.countyDetails': (name: string) => `${name}: county details`,
  'gaps.area.municipalityIn': 'Municipality (bashki) in',
  'gaps.area.inCounty': (county: string) => `${county} county`,
  'gaps.area.plan': (name: string) => `Plan an intervention in ${name}`,
  'gaps.area.compare': (name: string) => `Compare ${name} with…`,
  'gaps.area.gapWhy': (score: string) => `Gap score ${score}: why`,
  'gaps.area.naming': (name: string, count: string) => `Organisations naming ${name} (${count})`,
  'gaps.area.countyWide': (county: string, count: string) =>
    `Working across ${county} county (${count})`,
  'gaps.area.nationwide': (count: string) => `Working nationwide (${count})`,
  'gaps.area.none': 'None under the current filters.',
  'gaps.area.activityTypes': 'Activity types',
  'gaps.area.activityTypesFiltered': 'Activity types (those selected in the filters)',
  'gaps.area.focusTypes': 'Focus types',
  'gaps.area.present': 'Present: ',
  'gaps.area.missing': 'Nobody does: ',
  'gaps.area.evidence': 'Hotspot evidence',
  'gaps.area.noEvidence': (name: string) => `Neither source document names ${name} as a hotspot.`,
  'gaps.area.evidenceLevel': (level: string, kind: string) => `Level ${level} (${kind}):`,
  'gaps.area.nearest': 'Nearest municipalities (seat to seat)',
  'gaps.area.countySubtitle': (count: string) => `County (qark), ${count} municipalities`,
  'gaps.area.countyGapWhy': 'Gap score: why',
  'gaps.area.municipalitiesOf': (county: string) => `Municipalities of ${county}`,
  'gaps.area.namingIt': (count: number, formatted: string) =>
    `${formatted} ${count === 1 ? 'organisation' : 'organisations'} naming it`,
  'gaps.area.workingIn': (county: string, count: string) =>
    `Organisations working in ${county} county (${count})`,
  'gaps.area.neighbours': 'Neighbouring counties',
  'gaps.area.countyNote': (weight: string | null, county: string) =>
    `Activity types here are those of organisations working in the county; nationwide organisations count only in the gap, at the weight set in Gaps (now ${weight ?? '0: not counted'}). ${county} is shaded on the map by the measure chosen above it.`,
  'gaps.area.pick': 'Pick a county or municipality, on the map or here.',
  'gaps.area.wholeCounty': (county: string) => `${county} county as a whole`,
} as const;

export const gapsSq: TranslationOf<typeof gapsEn> = {
  'gaps.hotspot.3': 'Zonë e nxehtë me përparësi',
  'gaps.hotspot.2': 'Zonë e nxehtë: bashki partnere / këshill',
  'gaps.hotspot.1': 'Zonë e nxehtë: zonë fokusi',

  'gaps.intro':
    'Zonat renditen nga ato me mbulimin më të dobët te ato më të mbuluarat: zonat e nxehta me pak ose aspak prani dalin të parat. Hapni «Pse» në cilindo rresht për të parë si është llogaritur pika e tij.',
  'gaps.scenario': (count, formatted) =>
    `Po shfaqet pamja me ${formatted} ${count === 1 ? 'ndërhyrje të planifikuar' : 'ndërhyrje të planifikuara'}.`,
  'gaps.level.legend': 'Renditja',
  'gaps.level.municipality': 'Bashkitë',
  'gaps.level.county': 'Qarqet',
  'gaps.formula.summary': 'Si llogaritet pika e boshllëkut',
  'gaps.formula.gap':
    'Boshllëku = nevoja × (1 − mbulimi), nga 0 (mbulim i mirë) deri në 1 (mbulimi më i dobët).',
  'gaps.formula.needTerm': 'Nevoja',
  'gaps.formula.need':
    ' = 0,25 + 0,25 × niveli i zonës së nxehtë (niveli 0 kur asnjë dokument nuk e përmend bashkinë, 3 kur është përparësi për ndërhyrje).',
  'gaps.formula.coverageTerm': 'Mbulimi',
  'gaps.formula.presence': 'prania',
  'gaps.formula.rest': (w) =>
    `, ku në prani çdo organizatë që e përmend bashkinë vlen ${w.local}, çdo organizatë tjetër që përmend gjithë qarkun e saj vlen ${w.countyWide} dhe çdo organizatë kombëtare vlen ${w.nationwide}${w.counted ? '' : ' (nuk llogaritet)'}. Një organizatë llogaritet një herë në një vend, edhe kur ka aty një shtrirje të planifikuar. Llogariten vetëm organizatat që kalojnë filtrat aktualë, dhe llojet e aktiviteteve që «mungojnë» gjykohen vetëm ndër ato që përzgjedhin filtrat. Boshllëku i një qarku është mesatarja e boshllëqeve të bashkive të tij, të peshuara sipas nevojës.`,
  'gaps.list.municipalities': 'Bashkitë të renditura sipas boshllëkut',
  'gaps.list.counties': 'Qarqet të renditura sipas boshllëkut',
  'gaps.score': (score) => `pika e boshllëkut ${score}`,
  'gaps.tied': ' (barazim)',
  'gaps.tie.municipality': (span) =>
    `Vendet ${span.first}–${span.last} kanë të njëjtin boshllëk (${span.gap}), të njëjtin nivel zone të nxehtë dhe të njëjtin numër organizatash vendore (${span.local}); renditen sipas alfabetit.`,
  'gaps.tie.county': (span) =>
    `Vendet ${span.first}–${span.last} kanë të njëjtin boshllëk (${span.gap}) dhe të njëjtin nivel më të lartë zone të nxehtë; renditen sipas alfabetit.`,
  'gaps.row.counts': (c) =>
    `${c.local} vendore · ${c.countyWide} në nivel qarku · ${c.nationwide} kombëtare${c.weight === null ? ' (nuk llogariten)' : ` (× ${c.weight})`}`,
  'gaps.row.missing': ({ missing, covered, nationwideOnly, filtered }) => {
    const selected = filtered ? ' të përzgjedhura' : '';
    if (missing.length === 0)
      return `Mbulohet çdo lloj aktiviteti${filtered ? ' i përzgjedhur' : ''}`;
    const total = missing.length + covered.length;
    const nationwide =
      nationwideOnly === 0
        ? ''
        : missing.length === 1
          ? 'e kryejnë organizata kombëtare'
          : `${nationwideOnly} prej tyre i kryejnë organizata kombëtare`;
    if (missing.length <= 3 || covered.length === 0) {
      const summary =
        missing.length === total && total > 3
          ? `Këtu nuk kryhet asnjë nga ${total} llojet e aktiviteteve${selected}`
          : `Këtu nuk kryhen ${missing.length} nga ${total} llojet e aktiviteteve${selected} (${missing.join(', ')})`;
      return nationwide ? `${summary}; ${nationwide}` : summary;
    }
    return `Këtu nuk kryhen ${missing.length} nga ${total} llojet e aktiviteteve${selected}${nationwide ? ` (${nationwide})` : ''}; kryhen vetëm: ${covered.join(', ')}`;
  },
  'gaps.row.planChange': (p) =>
    `Me planet: boshllëku ${p.gapBefore} → ${p.gapAfter}, vendi ${p.rankBefore} → ${p.rankAfter}`,
  'gaps.county.counts': (municipalities, worst) =>
    `${municipalities} bashki${worst === null ? '' : `; me boshllëkun më të madh: ${worst}`}`,
  'gaps.whyLabel.municipality': (name, rank) => `Pse renditet ${name} në vendin ${rank}?`,
  'gaps.whyLabel.municipalityTied': (name) => `Pse renditet ${name} në vendin `,
  'gaps.whyLabel.county': (name, rank) => `Pse renditet qarku ${name} në vendin ${rank}?`,
  'gaps.whyLabel.countyTied': (name) => `Pse renditet qarku ${name} në vendin `,

  'gaps.weight.label': 'Pesha e çdo organizate kombëtare në çdo bashki',
  'gaps.weight.zeroValueText': '0, nuk llogariten',
  'gaps.weight.zero': '0 (nuk llogariten)',
  'gaps.weight.count': (weight) => `Llogariti me ${weight}`,
  'gaps.weight.dontCount': 'Mos i llogarit',

  'gaps.why.tie': (first, last) =>
    `(barazim: vendet ${first}–${last} e ndajnë; renditen sipas emrit)`,
  'gaps.why.planned': ' (e planifikuar)',
  'gaps.why.caption': (name) => `Elementet e pikës së boshllëkut: ${name}`,
  'gaps.why.need': 'Nevoja',
  'gaps.why.presence': 'Prania',
  'gaps.why.coverage': 'Mbulimi',
  'gaps.why.gap': 'Boshllëku',
  'gaps.why.missing': 'Mungojnë',
  'gaps.why.needTerms': (level) => `0,25 + 0,25 × niveli i zonës së nxehtë ${level} =`,
  'gaps.why.presenceTerms': (p) =>
    `${p.local} që e përmendin × 1 + ${p.countyWide} në nivel qarku × 0,5 + ${p.nationwide} kombëtare × ${p.weight ?? '0'} =`,
  'gaps.why.rank': (rank) => `, vendi ${rank}`,
  'gaps.why.none': 'asnjë',
  'gaps.why.ofConsidered': (missing, considered) => `(${missing} nga ${considered})`,
  'gaps.why.nationwideOnly': 'Nga këto, vetëm organizatat kombëtare kryejnë:',
  'gaps.why.nationwideOnlyNote': '(puna e tyre nuk e bën kurrë një lloj të pranishëm këtu)',
  'gaps.why.evidence': (count, formatted) =>
    `Dëshmi për zonën e nxehtë (${formatted} ${count === 1 ? 'citim' : 'citime'})`,
  'gaps.why.level': (level) => `Niveli ${level}`,
  'gaps.why.reach':
    'Vendi më i afërt ku kryhet ajo që mungon këtu (distanca midis qendrave të bashkive)',
  'gaps.why.reachNobody': 'askush nuk përmend një bashki për të',
  'gaps.countyWhy.head': (c) =>
    `Qarku ${c.county}: boshllëku ${c.gap}, vendi ${c.rank} nga ${c.of}`,
  'gaps.countyWhy.mean': (c) =>
    `. Mesatarja e boshllëqeve të ${c.count} bashkive të tij, secili i peshuar me nevojën përkatëse: Σ nevojë × boshllëk = ${c.weighted}, Σ nevojë = ${c.need}, ${c.weighted} / ${c.need} =`,
  'gaps.countyWhy.caption': (county) => `Bashkitë e qarkut ${county} dhe boshllëqet e tyre`,
  'gaps.countyWhy.municipality': 'Bashkia',

  'gaps.area.municipalityDetails': (name) => `${name}: të dhënat e bashkisë`,
  'gaps.area.countyDetails': (name) => `${name}: të dhënat e qarkut`,
  'gaps.area.municipalityIn': 'Bashki në',
  'gaps.area.inCounty': (county) => `qarkun ${county}`,
  'gaps.area.plan': (name) => `Planifiko një ndërhyrje në ${name}`,
  'gaps.area.compare': (name) => `Krahaso ${name} me…`,
  'gaps.area.gapWhy': (score) => `Pika e boshllëkut ${score}: pse`,
  'gaps.area.naming': (name, count) => `Organizatat që përmendin ${name} (${count})`,
  'gaps.area.countyWide': (county, count) => `Që punojnë në mbarë qarkun ${county} (${count})`,
  'gaps.area.nationwide': (count) => `Që punojnë në mbarë vendin (${count})`,
  'gaps.area.none': 'Asnjë me filtrat aktualë.',
  'gaps.area.activityTypes': 'Llojet e aktiviteteve',
  'gaps.area.activityTypesFiltered': 'Llojet e aktiviteteve (të përzgjedhurat në filtra)',
  'gaps.area.focusTypes': 'Llojet e fokusit',
  'gaps.area.present': 'Të pranishme: ',
  'gaps.area.missing': 'Askush nuk kryen: ',
  'gaps.area.evidence': 'Dëshmi për zonën e nxehtë',
  'gaps.area.noEvidence': (name) =>
    `Asnjëri nga dokumentet burimore nuk e përmend ${name} si zonë të nxehtë.`,
  'gaps.area.evidenceLevel': (level, kind) => `Niveli ${level} (${kind}):`,
  'gaps.area.nearest': 'Bashkitë më të afërta (distanca midis qendrave të bashkive)',
  'gaps.area.countySubtitle': (count) => `Qark, ${count} bashki`,
  'gaps.area.countyGapWhy': 'Pika e boshllëkut: pse',
  'gaps.area.municipalitiesOf': (county) => `Bashkitë e qarkut ${county}`,
  'gaps.area.namingIt': (count, formatted) =>
    `${formatted} ${count === 1 ? 'organizatë që e përmend' : 'organizata që e përmendin'}`,
  'gaps.area.workingIn': (county, count) => `Organizatat që punojnë në qarkun ${county} (${count})`,
  'gaps.area.neighbours': 'Qarqet fqinje',
  'gaps.area.countyNote': (weight, county) =>
    `Llojet e aktiviteteve këtu janë ato të organizatave që punojnë në qark; organizatat kombëtare llogariten vetëm te boshllëku, me peshën e caktuar te «Boshllëqet» (tani ${weight ?? '0: nuk llogariten'}). ${county} ngjyroset në hartë sipas treguesit të zgjedhur mbi të.`,
  'gaps.area.pick': 'Zgjidhni një qark ose një bashki, në hartë ose këtu.',
  'gaps.area.wholeCounty': (county) => `Qarku ${county} në tërësi`,
};

/** A number as Albanian writes it: "0,78". */
const sqNumber = (value: number, digits?: number) => formatNumber('sq', value, digits);

/** Evidence kinds of data/hotspots.csv in Albanian; others are said by their level. */
const EVIDENCE_KIND_SQ: Readonly<Record<string, string>> = {
  'priority-for-intervention': 'përparësi për ndërhyrje',
  'security-council-in-hotspot-area': 'këshill sigurie në një zonë të nxehtë',
  'pcve-partner-municipality': 'bashki partnere për P/CVE',
  'pcve-project-area': 'zonë projekti P/CVE',
  'initiative-focus-area': 'zonë ku janë përqendruar nismat',
  'saturation-noted': 'vërehet mbingopje me nisma',
};

const HOTSPOT_PHRASE_SQ: Readonly<Record<HotspotLevel, string>> = {
  3: 'zonë e nxehtë me përparësi',
  2: 'zonë e nxehtë',
  1: 'përmendet ndër zonat e fokusit të P/CVE',
  0: 'nuk përmendet si zonë e nxehtë',
};

/** The gap sentence (`describeGap`) in Albanian. */
export const GAP_WORDS_SQ: GapWords = {
  hotspot: (level) => HOTSPOT_PHRASE_SQ[level],
  evidenceKind: (kind, level) => EVIDENCE_KIND_SQ[kind] ?? HOTSPOT_PHRASE_SQ[level],
  moreEvidence: (count) =>
    count === 0
      ? ''
      : ` dhe ${sqNumber(count)} ${count === 1 ? 'citim tjetër' : 'citime të tjera'}`,
  counts: (c) => {
    const one = c.nationwide === 1;
    const nationwide =
      c.nationwideWeight > 0
        ? `${sqNumber(c.nationwide)} kombëtare me peshë ${sqNumber(c.nationwideWeight)}${one ? '' : ' secila'}`
        : `${sqNumber(c.nationwide)} kombëtare (nuk ${one ? 'llogaritet' : 'llogariten'})`;
    return (
      `${sqNumber(c.local)} ${c.local === 1 ? 'organizatë vendore' : 'organizata vendore'}, ` +
      `${sqNumber(c.countyWide)} ${c.countyWide === 1 ? 'që përmend' : 'që përmendin'} qarkun e saj, ${nationwide}; ` +
      `${c.missing === 1 ? 'mungon' : 'mungojnë'} ${sqNumber(c.missing)} nga ${sqNumber(c.considered)} llojet e aktiviteteve. ` +
      `Boshllëku ${sqNumber(c.gapScore, 2)}.`
    );
  },
};
