import type { HotspotLevel } from '../../domain/dataset';
import type { TranslationOf } from '../table';

/** Counties for the whole country, municipalities of the county in focus. */
type AreaLevel = 'county' | 'municipality';

/** What the activity chart's caption says: numbers already formatted for the language. */
interface ActivityCaption {
  level: AreaLevel;
  /** Areas in the chart. */
  areas: string;
  /** The area with the most organisations, when any has one. */
  top: { name: string; count: number; formatted: string } | null;
  /** Areas without any organisation. */
  none: string;
}

/** A count bar chart's default caption. */
interface CountsCaption {
  /** What the bars count, plural ("organisations"). */
  plural: string;
  /** The same for one ("organisation"). */
  singular: string;
  bars: string;
  top: { label: string; count: string } | null;
}

/** What the printable report's gap sentence is made of (numbers formatted). */
export interface ReportGapFacts {
  /** The sentence the domain wrote in English (`describeGap`). */
  english: string;
  municipality: string;
  hotspotLevel: HotspotLevel;
  local: number;
  localFormatted: string;
  countyWide: string;
  nationwide: string;
  /** Formatted; null when nationwide organisations are not counted. */
  nationwideWeight: string | null;
  missing: string;
  considered: string;
  gapScore: string;
}

/** Ranks already formatted; `tie` when the municipality shares its score. */
interface RankText {
  rank: string;
  tie: { first: string; last: string } | null;
}

const rankEn = ({ rank, tie }: RankText) =>
  tie === null ? rank : `${tie.first}–${tie.last} (tie)`;

/** Charts, chart downloads, Export menu, printable report. */
export const chartsEn = {
  'charts.heading': 'Charts',
  'charts.organisations': 'organisations',
  'charts.organisation': 'organisation',
  'charts.organisationCount': (count: number, formatted: string) =>
    count === 1 ? `${formatted} organisation` : `${formatted} organisations`,
  'charts.filterBy': 'Filter by',
  'charts.select': 'Select',
  'charts.none': 'none',
  'charts.focus.title': 'Focus types',
  'charts.focus.description':
    'Organisations per type of focus, under the current filters (an organisation with several focus types counts in each).',
  'charts.counties.title': 'Organisations per county',
  'charts.counties.description':
    'Organisations working locally in each county, under the current filters, most first.',
  'charts.counts.caption': ({ plural, bars, top }: CountsCaption) =>
    top === null
      ? `No ${plural} under the current filters.`
      : `${plural[0]?.toUpperCase() ?? ''}${plural.slice(1)} per bar, for ${bars} bars. Most: ${top.label}, ${top.count}.`,
  'charts.activity.titleCounty': 'Activity types per county',
  'charts.activity.titleMunicipality': (county: string | null) =>
    `Activity types per municipality of ${county ?? 'the county'}`,
  'charts.activity.empty': 'No organisation under the current filters works locally here.',
  'charts.activity.legend': 'Activity types (filter)',
  'charts.activity.legendButton': (
    label: string,
    withType: string,
    total: string,
    level: AreaLevel,
  ) =>
    `Filter by ${label} (in ${withType} of ${total} ${level === 'county' ? 'counties' : 'municipalities'})`,
  'charts.activity.caption': ({ level, areas, top, none }: ActivityCaption) => {
    const head = `Organisations working locally in each of ${areas} ${level === 'county' ? 'counties' : 'municipalities'}, stacked by activity type (an organisation counts once per type it does).`;
    if (top === null) return head;
    const organisations = top.count === 1 ? 'organisation' : 'organisations';
    return `${head} Most: ${top.name}, ${top.formatted} ${organisations}. With none: ${none}.`;
  },
  'charts.activity.tableCaption': (title: string, level: AreaLevel) =>
    `${title}: organisations working locally, by activity type. Buttons select the ${level}.`,
  'charts.activity.areaHeader': (level: AreaLevel) =>
    level === 'county' ? 'County' : 'Municipality',
  'charts.activity.organisationsHeader': 'Organisations',
  'charts.activity.byTypeHeader': 'By activity type',
  'charts.download.group': (title: string) => `Download “${title}”`,
  'charts.download.png': 'Download PNG',
  'charts.download.svg': 'Download SVG',
  'charts.download.notDrawn': (title: string) => `The chart “${title}” is not drawn yet.`,
  'charts.download.noCanvas': 'This browser cannot draw images (no 2D canvas).',
  'charts.download.notEncoded': 'The chart could not be encoded as PNG.',

  'report.back': 'Back to the dashboard',
  'report.print': 'Print or save as PDF',
  'report.title.country': 'P/CVE organisations in Albania: report for the whole country',
  'report.title.county': (name: string | null) =>
    `P/CVE organisations in ${name ?? 'an unknown county'} (qark)`,
  'report.title.municipality': (name: string | null) =>
    `P/CVE organisations in ${name ?? 'an unknown municipality'} (bashki)`,
  'report.dataAsOf': (date: string, weight: number, formatted: string) =>
    `Data as of ${date}. Nationwide organisations ${weight > 0 ? `count ${formatted} each towards presence` : 'are not counted towards presence'}.`,
  'report.unknownArea': 'There is no such area in the gazetteer.',
  'report.madeWith': (date: string) => `Made with Harta on ${date}.`,
  'report.mapData': 'Map data',
  'report.publicDomain': 'public domain',
  'report.summary.heading': 'Summary: counties from most to least underserved',
  'report.header.county': 'County (qark)',
  'report.header.municipality': 'Municipality (bashki)',
  'report.header.gapRank': 'Gap rank',
  'report.header.gapScore': 'Gap score',
  'report.header.organisations': 'Organisations',
  'report.header.hotspot': 'Hotspot evidence',
  'report.hotspot': (level: HotspotLevel) => (['no', 'some', 'moderate', 'strong'] as const)[level],
  'report.rank': rankEn,
  'report.summary.totals': (organisations: string, overlaps: string) =>
    `${organisations} organisations; ${overlaps} places where two or more organisations do the same kind of activity.`,
  'report.county.heading': (name: string, rank: string, total: string) =>
    `${name} (qark): gap rank ${rank} of ${total}`,
  'report.whoWorksHere': 'Who works here',
  'report.nobodyNamesIt': 'no organisation names it.',
  'report.municipality.heading': (name: string, county: string, rank: RankText, total: string) =>
    `${name} (bashki, ${county} qark): gap rank ${rankEn(rank)} of ${total}`,
  'report.why': (facts: ReportGapFacts) => facts.english,
  'report.fact.organisations': 'Organisations naming it',
  'report.fact.countyWide': 'Working across its county',
  'report.fact.missing': 'Activity types nobody does here',
  'report.none': 'none',
  'report.organisations': 'Organisations',
  'report.row': (row: string) => `, row ${row}`,
  'report.overlaps': 'Overlaps',
  'report.overlapCount': (_count: number, formatted: string) => `${formatted} organisations`,
  'report.sources': 'Sources',
  'report.copyKeptAt': 'Copy kept at',
  'report.boundariesAndNames': 'Boundaries and place names',
  'report.computedBy': 'Gap scores and ranks are computed by Harta from these sources.',
} as const;

const AREA_SQ = {
  county: { one: 'qark', many: 'qarqe', definite: 'qarkun' },
  municipality: { one: 'bashki', many: 'bashki', definite: 'bashkinë' },
} as const;

const organizata = (count: number, formatted: string) =>
  `${formatted} ${count === 1 ? 'organizatë' : 'organizata'}`;

const rankSq = ({ rank, tie }: RankText) =>
  tie === null ? rank : `${tie.first}–${tie.last} (barazim)`;

export const chartsSq: TranslationOf<typeof chartsEn> = {
  'charts.heading': 'Grafikët',
  'charts.organisations': 'organizata',
  'charts.organisation': 'organizatë',
  'charts.organisationCount': organizata,
  'charts.filterBy': 'Filtro sipas',
  'charts.select': 'Zgjidh',
  'charts.none': 'asnjë',
  'charts.focus.title': 'Llojet e fokusit',
  'charts.focus.description':
    'Organizatat sipas llojit të fokusit, me filtrat aktualë (një organizatë me disa lloje fokusi numërohet te secili).',
  'charts.counties.title': 'Organizatat sipas qarkut',
  'charts.counties.description':
    'Organizatat që punojnë në nivel vendor në secilin qark, me filtrat aktualë, nga më i madhi te më i vogli.',
  'charts.counts.caption': ({ plural, singular, bars, top }) =>
    top === null
      ? `Asnjë ${singular} me filtrat aktualë.`
      : `${plural[0]?.toUpperCase() ?? ''}${plural.slice(1)} për çdo shtyllë, në ${bars} shtylla. Më shumë: ${top.label}, ${top.count}.`,
  'charts.activity.titleCounty': 'Llojet e aktiviteteve sipas qarkut',
  'charts.activity.titleMunicipality': (county) =>
    county === null
      ? 'Llojet e aktiviteteve sipas bashkive të qarkut'
      : `Llojet e aktiviteteve sipas bashkive të qarkut ${county}`,
  'charts.activity.empty': 'Asnjë organizatë me filtrat aktualë nuk punon këtu në nivel vendor.',
  'charts.activity.legend': 'Llojet e aktiviteteve (filtër)',
  'charts.activity.legendButton': (label, withType, total, level) =>
    `Filtro sipas llojit «${label}» (në ${withType} nga ${total} ${AREA_SQ[level].many})`,
  'charts.activity.caption': ({ level, areas, top, none }) => {
    const head = `Organizatat që punojnë në nivel vendor në secilën nga ${areas} ${AREA_SQ[level].many}, të shtresuara sipas llojit të aktivitetit (një organizatë numërohet një herë për çdo lloj që kryen).`;
    if (top === null) return head;
    return `${head} Më shumë: ${top.name}, ${organizata(top.count, top.formatted)}. Pa asnjë: ${none}.`;
  },
  'charts.activity.tableCaption': (title, level) =>
    `${title}: organizatat që punojnë në nivel vendor, sipas llojit të aktivitetit. Butonat zgjedhin ${AREA_SQ[level].definite}.`,
  'charts.activity.areaHeader': (level) => (level === 'county' ? 'Qarku' : 'Bashkia'),
  'charts.activity.organisationsHeader': 'Organizatat',
  'charts.activity.byTypeHeader': 'Sipas llojit të aktivitetit',
  'charts.download.group': (title) => `Shkarko «${title}»`,
  'charts.download.png': 'Shkarko PNG',
  'charts.download.svg': 'Shkarko SVG',
  'charts.download.notDrawn': (title) => `Grafiku «${title}» nuk është vizatuar ende.`,
  'charts.download.noCanvas': 'Ky shfletues nuk mund të vizatojë imazhe (nuk ka kanavacë 2D).',
  'charts.download.notEncoded': 'Grafiku nuk mund të kodohej si PNG.',

  'report.back': 'Kthehu te paneli kryesor',
  'report.print': 'Printo ose ruaj si PDF',
  'report.title.country': 'Organizatat e P/CVE-së në Shqipëri: raport për mbarë vendin',
  'report.title.county': (name) =>
    name === null
      ? 'Organizatat e P/CVE-së në një qark të panjohur'
      : `Organizatat e P/CVE-së në qarkun ${name}`,
  'report.title.municipality': (name) =>
    name === null
      ? 'Organizatat e P/CVE-së në një bashki të panjohur'
      : `Organizatat e P/CVE-së në bashkinë ${name}`,
  'report.dataAsOf': (date, weight, formatted) =>
    `Të dhënat deri më ${date}. ${weight > 0 ? `Çdo organizatë kombëtare llogaritet me peshë ${formatted} në prani.` : 'Organizatat kombëtare nuk llogariten në prani.'}`,
  'report.unknownArea': 'Kjo zonë nuk gjendet në listën e vendeve.',
  'report.madeWith': (date) => `Përgatitur me Harta më ${date}.`,
  'report.mapData': 'Të dhënat e hartës',
  'report.publicDomain': 'domen publik',
  'report.summary.heading': 'Përmbledhje: qarqet, nga boshllëku më i madh te më i vogli',
  'report.header.county': 'Qarku',
  'report.header.municipality': 'Bashkia',
  'report.header.gapRank': 'Renditja sipas boshllëkut',
  'report.header.gapScore': 'Pikët e boshllëkut',
  'report.header.organisations': 'Organizatat',
  'report.header.hotspot': 'Dëshmitë për zonë të nxehtë',
  'report.hotspot': (level) => (['asnjë', 'disa', 'mesatare', 'të forta'] as const)[level],
  'report.rank': rankSq,
  'report.summary.totals': (organisations, overlaps) =>
    `${organisations} organizata; ${overlaps} vende ku dy ose më shumë organizata kryejnë të njëjtin lloj aktiviteti.`,
  'report.county.heading': (name, rank, total) =>
    `Qarku ${name}: renditja ${rank} nga ${total} sipas boshllëkut`,
  'report.whoWorksHere': 'Kush punon këtu',
  'report.nobodyNamesIt': 'asnjë organizatë nuk e përmend.',
  'report.municipality.heading': (name, county, rank, total) =>
    `Bashkia ${name} (qarku ${county}): renditja ${rankSq(rank)} nga ${total} sipas boshllëkut`,
  'report.why': (facts) => {
    const hotspot = [
      'pa dëshmi për zonë të nxehtë',
      'me disa dëshmi për zonë të nxehtë',
      'me dëshmi mesatare për zonë të nxehtë',
      'me dëshmi të forta për zonë të nxehtë',
    ][facts.hotspotLevel];
    const nationwide =
      facts.nationwideWeight === null
        ? `${facts.nationwide} kombëtare (nuk llogariten)`
        : `${facts.nationwide} kombëtare me peshë ${facts.nationwideWeight} secila`;
    return (
      `${facts.municipality}: ${hotspot}, ${facts.localFormatted} ${facts.local === 1 ? 'organizatë vendore' : 'organizata vendore'}, ` +
      `${facts.countyWide} që përmendin qarkun e saj, ${nationwide}; ` +
      `mungojnë ${facts.missing} nga ${facts.considered} lloje aktivitetesh. Boshllëku ${facts.gapScore}.`
    );
  },
  'report.fact.organisations': 'Organizatat që e përmendin',
  'report.fact.countyWide': 'Që punojnë në mbarë qarkun e saj',
  'report.fact.missing': 'Llojet e aktiviteteve që nuk i kryen askush këtu',
  'report.none': 'asnjë',
  'report.organisations': 'Organizatat',
  'report.row': (row) => `, rreshti ${row}`,
  'report.overlaps': 'Mbivendosjet',
  'report.overlapCount': organizata,
  'report.sources': 'Burimet',
  'report.copyKeptAt': 'Një kopje ruhet te',
  'report.boundariesAndNames': 'Kufijtë dhe emrat e vendeve',
  'report.computedBy': 'Pikët dhe renditja e boshllëqeve llogariten nga Harta mbi këto burime.',
};
