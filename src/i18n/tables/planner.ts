import type { AreaName, ComparisonFacts } from '../../domain/area-summary';
import type { NamedPlanWarning, PlanArea } from '../../domain/plan';
import type { JsonKind, PlanFileWords, PlanIssue } from '../../domain/plan-file';
import type { PlanStorageWords } from '../../io/plan-storage';
import type { TranslationOf } from '../table';

/** Formats a number for the reader: `formatNumber(lang, value, digits)`. */
type FormatNumber = (value: number, digits?: number) => string;

/** What the planner's import of a file did. */
interface ImportCounts {
  added: number;
  skipped: number;
  /** "plan-1 → plan-3, …", or '' when no plan was renamed. */
  renamed: string;
}

const countyEn = (name: string) => `${name} county`;
const areaEn = (area: AreaName) => (area.level === 'county' ? countyEn(area.name) : area.name);
const pluralEn = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Qarku Dibër": a county's name as a subject, in a heading or an option. */
const countySq = (name: string) => `Qarku ${name}`;
/** "qarkun Dibër": after "në", "me", or as an object. */
const countyObjectSq = (name: string) => `qarkun ${name}`;
const areaSq = (area: AreaName) => (area.level === 'county' ? countySq(area.name) : area.name);
const areaObjectSq = (area: AreaName) =>
  area.level === 'county' ? countyObjectSq(area.name) : area.name;
/** "1 organizatë", "2 organizata". */
const organisationsSq = (n: number) => `${n} ${n === 1 ? 'organizatë' : 'organizata'}`;

function planWarningEn(w: NamedPlanWarning): string {
  const where = areaEn(w.area);
  switch (w.kind) {
    case 'overlap':
      return w.strength === 'named'
        ? `${w.activityType} is already done in ${where} by ${w.organisations.join(', ')}.`
        : `${w.activityType} is already done across the county by ${w.organisations.join(', ')}.`;
    case 'other-plan':
      return `Another plan (${w.planIds.join(', ')}) already brings ${w.activityType} to ${where}.`;
    case 'implementer-already-there':
      switch (w.where) {
        case 'area':
          return `${w.implementer} already works in ${where}: this adds activity types there, not a new presence.`;
        case 'county':
          return `${w.implementer} already works across the county: here its presence goes from 0.5 to 1.`;
        case 'part':
          return `${w.implementer} already works in ${w.municipalities.join(', ')}: new presence only in the county's other municipalities.`;
        case 'nationwide':
          return `${w.implementer} already works nationwide: in the gap it now counts as working in ${where}.`;
      }
      break;
    case 'dates':
      return `The plan ends (${w.end}) before it starts (${w.start}).`;
  }
}

function planWarningSq(w: NamedPlanWarning): string {
  const where = areaObjectSq(w.area);
  switch (w.kind) {
    case 'overlap':
      return w.strength === 'named'
        ? `«${w.activityType}» kryhet tashmë në ${where} nga ${w.organisations.join(', ')}.`
        : `«${w.activityType}» kryhet tashmë në të gjithë qarkun nga ${w.organisations.join(', ')}.`;
    case 'other-plan':
      return `Një plan tjetër (${w.planIds.join(', ')}) parashikon tashmë «${w.activityType}» në ${where}.`;
    case 'implementer-already-there':
      switch (w.where) {
        case 'area':
          return `${w.implementer} punon tashmë në ${where}: ky plan shton lloje aktivitetesh atje, jo një prani të re.`;
        case 'county':
          return `${w.implementer} punon tashmë në të gjithë qarkun: këtu prania e saj shkon nga 0,5 në 1.`;
        case 'part':
          return `${w.implementer} punon tashmë në ${w.municipalities.join(', ')}: prani e re vetëm në bashkitë e tjera të qarkut.`;
        case 'nationwide':
          return `${w.implementer} punon tashmë në mbarë vendin: në boshllëk tani llogaritet si e pranishme në ${where}.`;
      }
      break;
    case 'dates':
      return `Plani mbaron (${w.end}) para se të fillojë (${w.start}).`;
  }
}

function verdictEn(f: ComparisonFacts, num: FormatNumber): string {
  if (f.kind === 'same-area') {
    return `Both sides show ${areaEn(f.area)}: pick another area to compare it with.`;
  }
  const higher = areaEn(f.higher);
  const lower = areaEn(f.lower);
  const gaps = f.tied
    ? `${higher} and ${lower} have the same gap (${num(f.higherGap, f.digits)})`
    : `${higher} has a higher gap (${num(f.higherGap, f.digits)} vs ${num(f.lowerGap, f.digits)})`;
  const subject = f.tied ? higher : 'it';
  const n = f.higherOrganisations;
  const presence =
    f.higher.level === 'county'
      ? `${pluralEn(n, 'organisation works', 'organisations work')} in ${subject}`
      : `${pluralEn(n, 'organisation names', 'organisations name')} ${subject}`;
  const types =
    f.onlyLower > 0
      ? `${pluralEn(f.onlyLower, 'activity type is', 'activity types are')} done in ${lower} but not in ${higher}`
      : f.onlyHigher > 0
        ? `no activity type is done in ${lower} but not in ${higher}, and ${pluralEn(f.onlyHigher, 'is', 'are')} done in ${higher} only`
        : 'they have the same activity types';
  return `${gaps}: ${presence} against ${f.lowerOrganisations}; ${types}.`;
}

function verdictSq(f: ComparisonFacts, num: FormatNumber): string {
  if (f.kind === 'same-area') {
    return `Të dyja anët tregojnë ${areaObjectSq(f.area)}: zgjidhni një zonë tjetër për ta krahasuar.`;
  }
  const higher = areaSq(f.higher);
  const higherIn = areaObjectSq(f.higher);
  const lowerIn = areaObjectSq(f.lower);
  const gaps = f.tied
    ? `${higher} dhe ${areaSq(f.lower)} kanë të njëjtin boshllëk (${num(f.higherGap, f.digits)})`
    : `${higher} ka boshllëk më të madh (${num(f.higherGap, f.digits)} kundrejt ${num(f.lowerGap, f.digits)})`;
  const n = f.higherOrganisations;
  const one = n === 1;
  const presence =
    f.higher.level === 'county'
      ? `${organisationsSq(n)} ${one ? 'punon' : 'punojnë'} ${f.tied ? `në ${higherIn}` : 'në të'}`
      : f.tied
        ? `${organisationsSq(n)} ${one ? 'përmend' : 'përmendin'} ${higherIn}`
        : `${organisationsSq(n)} e ${one ? 'përmend' : 'përmendin'}`;
  const types =
    f.onlyLower > 0
      ? `${f.onlyLower === 1 ? '1 lloj aktiviteti kryhet' : `${f.onlyLower} lloje aktivitetesh kryhen`} në ${lowerIn}, por jo në ${higherIn}`
      : f.onlyHigher > 0
        ? `asnjë lloj aktiviteti nuk kryhet në ${lowerIn} pa u kryer edhe në ${higherIn}, ndërsa ${f.onlyHigher} ${f.onlyHigher === 1 ? 'kryhet' : 'kryhen'} vetëm në ${higherIn}`
        : 'kanë të njëjtat lloje aktivitetesh';
  return `${gaps}: ${presence}, kundrejt ${f.lowerOrganisations}; ${types}.`;
}

/** Plans panel, plan form, scenarios, Compare panel. */
export const plannerEn = {
  // Areas as the planner and the Compare panel name them.
  'planner.county': countyEn,
  /** A county after "in", "with" (the same in English). */
  'planner.countyObject': countyEn,
  'planner.area': areaEn,

  // Plans panel.
  'planner.intro':
    'Plan interventions and see the picture before and after: the map, the rankings and the charts follow the choice below. Plans stay in this browser; export them to share or keep.',
  'planner.countyPlanEffect': 'A county-wide plan counts 0.5 in each of its municipalities.',
  'planner.effect': (
    area: string,
    gapBefore: string,
    gapAfter: string,
    before: string,
    after: string,
  ) =>
    `${area}: gap ${gapBefore} → ${gapAfter}, rank ${before} → ${after} (with every plan, under the current filters)`,
  'planner.card.by': (activityTypes: string) => `${activityTypes} by`,
  'planner.card.new': ' (new)',
  'planner.card.dates': (start: string, end: string) => `, ${start} to ${end}`,
  'planner.card.warnings': (planId: string) => `Warnings for ${planId}`,
  'planner.card.noOverlap': 'Nobody else does this work here, as far as the sources say.',
  'planner.edit': 'Edit',
  'planner.remove': 'Remove',
  'planner.warning': planWarningEn,
  'planner.removed': (planId: string) => `Removed ${planId}.`,
  'planner.undo': 'Undo',
  'planner.restored': (from: string, to: string) =>
    `Restored ${from} as ${to}: a plan imported meanwhile has the id ${from}.`,
  'planner.list': 'Planned interventions',
  'planner.listCount': (count: string) => `Planned interventions (${count})`,
  'planner.none': 'No plans yet. Add one above, or import a file.',
  'planner.files': 'Files',
  'planner.exportCsv': 'Export CSV',
  'planner.exportJson': 'Export JSON',
  'planner.import': 'Import CSV or JSON…',
  'planner.importFile': 'Plans file to import',
  'planner.importOf': 'Import of',
  'planner.import.nothing': 'Nothing was imported.',
  'planner.import.summary': (c: ImportCounts) =>
    `${[
      `${c.added} ${c.added === 1 ? 'plan' : 'plans'} imported`,
      c.skipped > 0 ? `${c.skipped} already here, skipped` : '',
      c.renamed !== '' ? `renamed to keep ids unique: ${c.renamed}` : '',
    ]
      .filter(Boolean)
      .join('; ')}. Your existing plans were kept as they were.`,

  // Plan form.
  'planner.form.edit': (planId: string) => `Edit plan ${planId}`,
  'planner.form.add': 'Add a planned intervention',
  'planner.form.area': 'Area',
  'planner.form.chooseArea': 'Choose a municipality or county…',
  'planner.form.wholeCounty': (county: string) => `${countyEn(county)} as a whole`,
  'planner.form.activityTypes': 'Activity types',
  'planner.form.organisation': 'Implementing organisation',
  'planner.form.newOrganisation': 'A new organisation (type its name below)',
  'planner.form.newName': 'Name of the new organisation',
  'planner.form.start': 'Start (optional)',
  'planner.form.end': 'End (optional)',
  'planner.form.note': 'Note (optional)',
  'planner.form.beforeAdding': 'Before you add it:',
  'planner.form.error.area': 'Choose the area the plan is for.',
  'planner.form.error.activityTypes': 'Choose at least one activity type.',
  'planner.form.error.organisation':
    'Choose the implementing organisation, or type the name of a new one.',
  'planner.form.error.dates': 'The end date is before the start date.',
  'planner.form.save': 'Save changes',
  'planner.form.submit': 'Add plan',
  'planner.form.cancel': 'Cancel',

  // Scenario switch.
  'planner.scenario': 'Picture',
  'planner.scenario.current': 'Today',
  'planner.scenario.planned': (count: number) =>
    `With ${count} planned ${count === 1 ? 'intervention' : 'interventions'}`,

  // Compare panel.
  'compare.title': 'Compare two areas',
  'compare.area': (letter: string) => `Area ${letter}`,
  'compare.chooseArea': 'Choose a county or municipality…',
  'compare.clearArea': (letter: string) => `Clear area ${letter}`,
  'compare.clear': 'Clear',
  'compare.swap': 'Swap A and B',
  'compare.intro':
    'Pick two areas above to see them side by side: two municipalities, two counties, or one of each. You can also press “Compare” in an area’s panel; the first area goes to A, the next to B.',
  'compare.verdict': verdictEn,
  'compare.pickSecond': (area: AreaName) => `Pick a second area to compare with ${areaEn(area)}.`,
  'compare.onlyDifferences': 'Only differences',
  'compare.differing': (differing: string, total: string) =>
    `(${differing} of ${total} types differ)`,
  'compare.caption': (a: AreaName | null, b: AreaName | null) =>
    `${a ? areaEn(a) : 'Area A'} and ${b ? areaEn(b) : 'area B'} side by side`,
  'compare.measure': 'Measure',
  'compare.notChosen': 'not chosen',
  'compare.none': 'None',
  'compare.planned': ' (planned)',
  'compare.yes': 'Yes',
  'compare.no': 'No',
  'compare.noDifferencesIn': (title: string) => `No differences in ${title.toLowerCase()}.`,
  'compare.noneToCompare': 'None to compare.',
  'compare.differs': 'differs',
  'compare.kind.county': (municipalities: string, count: number) =>
    `County (qark), ${municipalities} ${count === 1 ? 'municipality' : 'municipalities'}`,
  'compare.kind.municipalityIn': 'Municipality in',
  'compare.hotspot.none': 'Not named as a hotspot',
  'compare.hotspot.noneInCounty': ' (none of its municipalities)',
  'compare.hotspot.level': (level: string) => `level ${level}`,
  'compare.hotspot.county': (hotspots: string, municipalities: string) =>
    `highest of its municipalities; ${hotspots} of ${municipalities} are hotspots, `,
  'compare.hotspot.passages': (passages: string, count: number) =>
    `${passages} ${count === 1 ? 'passage' : 'passages'}`,
  'compare.gap.higher': 'higher',
  'compare.gap.rank': (rank: string, outOf: string) => `rank ${rank} of ${outOf}`,
  'compare.gap.counties': ' counties',
  'compare.row.kind': 'Kind',
  'compare.row.hotspot': 'Hotspot',
  'compare.row.gap': 'Gap score',
  'compare.row.localOrganisations': 'Local organisations',
  'compare.row.countyWide': 'County-wide',
  'compare.row.nationwide': 'Nationwide',
  'compare.row.implementers': 'Distinct implementers',
  'compare.row.local': 'Local',
  'compare.local.county': (count: string) => `${count} anywhere in it`,
  'compare.local.municipality': (count: string) => `${count} naming it`,
  'compare.countyWide.county': (count: string) =>
    `${count} naming the whole county (counted above)`,
  'compare.countyWide.municipality': (count: string) => `${count} naming its county`,
  'compare.nationwide.weighted': (count: string, weight: string) =>
    `${count} (counted at ${weight} each)`,
  'compare.nationwide.notCounted': (count: string) => `${count} (not counted)`,
  'compare.nationwide.summary': (count: string, n: number) =>
    `${count} ${n === 1 ? 'organisation' : 'organisations'}, the same for every area`,
  'compare.section.activityTypes': 'Activity types',
  'compare.section.activityTypesSelected': 'Activity types (those selected in the filters)',
  'compare.section.focusTypes': 'Focus types',
  'compare.section.organisations': 'Organisations',
  'compare.inItsMunicipalities': 'In its municipalities:',
  'compare.note': (planned: boolean) =>
    `Under the current filters${planned ? ', with the planned interventions' : ''}. A county’s hotspot level is the highest of its municipalities; its gap is their need-weighted mean.`,
} as const;

export const plannerSq: TranslationOf<typeof plannerEn> = {
  'planner.county': countySq,
  'planner.countyObject': countyObjectSq,
  'planner.area': areaSq,

  'planner.intro':
    'Planifikoni ndërhyrje dhe shihni pamjen para dhe pas: harta, renditjet dhe grafikët ndjekin zgjedhjen më poshtë. Planet mbeten në këtë shfletues; eksportojini për t’i ndarë me të tjerët ose për t’i ruajtur.',
  'planner.countyPlanEffect':
    'Një plan për të gjithë qarkun llogaritet 0,5 në secilën nga bashkitë e tij.',
  'planner.effect': (area, gapBefore, gapAfter, before, after) =>
    `${area}: boshllëku ${gapBefore} → ${gapAfter}, renditja ${before} → ${after} (me të gjitha planet, sipas filtrave aktualë)`,
  'planner.card.by': (activityTypes) => `${activityTypes} nga`,
  'planner.card.new': ' (e re)',
  'planner.card.dates': (start, end) => `, nga ${start} deri më ${end}`,
  'planner.card.warnings': (planId) => `Paralajmërime për ${planId}`,
  'planner.card.noOverlap': 'Askush tjetër nuk e bën këtë punë këtu, me sa thonë burimet.',
  'planner.edit': 'Ndrysho',
  'planner.remove': 'Hiq',
  'planner.warning': planWarningSq,
  'planner.removed': (planId) => `U hoq ${planId}.`,
  'planner.undo': 'Zhbëj',
  'planner.restored': (from, to) =>
    `${from} u rivendos si ${to}: një plan i importuar ndërkohë ka identifikuesin ${from}.`,
  'planner.list': 'Ndërhyrjet e planifikuara',
  'planner.listCount': (count) => `Ndërhyrjet e planifikuara (${count})`,
  'planner.none': 'Ende nuk ka plane. Shtoni një më sipër ose importoni një skedar.',
  'planner.files': 'Skedarët',
  'planner.exportCsv': 'Eksporto CSV',
  'planner.exportJson': 'Eksporto JSON',
  'planner.import': 'Importo CSV ose JSON…',
  'planner.importFile': 'Skedari i planeve për t’u importuar',
  'planner.importOf': 'Importi i skedarit',
  'planner.import.nothing': 'Nuk u importua asgjë.',
  'planner.import.summary': (c) => {
    const parts = [
      c.added === 1 ? 'U importua 1 plan' : `U importuan ${c.added} plane`,
      c.skipped > 0
        ? `${c.skipped} ${c.skipped === 1 ? 'ishte tashmë këtu dhe u anashkalua' : 'ishin tashmë këtu dhe u anashkaluan'}`
        : '',
      c.renamed !== '' ? `u riemërtuan që identifikuesit të mbeten unikë: ${c.renamed}` : '',
    ];
    return `${parts.filter(Boolean).join('; ')}. Planet tuaja ekzistuese mbetën siç ishin.`;
  },

  'planner.form.edit': (planId) => `Ndrysho planin ${planId}`,
  'planner.form.add': 'Shto një ndërhyrje të planifikuar',
  'planner.form.area': 'Zona',
  'planner.form.chooseArea': 'Zgjidhni një bashki ose qark…',
  'planner.form.wholeCounty': (county) => `${countySq(county)} në tërësi`,
  'planner.form.activityTypes': 'Llojet e aktiviteteve',
  'planner.form.organisation': 'Organizata zbatuese',
  'planner.form.newOrganisation': 'Një organizatë e re (shkruani emrin e saj më poshtë)',
  'planner.form.newName': 'Emri i organizatës së re',
  'planner.form.start': 'Fillimi (opsional)',
  'planner.form.end': 'Mbarimi (opsional)',
  'planner.form.note': 'Shënim (opsional)',
  'planner.form.beforeAdding': 'Para se ta shtoni:',
  'planner.form.error.area': 'Zgjidhni zonën për të cilën është plani.',
  'planner.form.error.activityTypes': 'Zgjidhni të paktën një lloj aktiviteti.',
  'planner.form.error.organisation':
    'Zgjidhni organizatën zbatuese ose shkruani emrin e një organizate të re.',
  'planner.form.error.dates': 'Data e mbarimit është para datës së fillimit.',
  'planner.form.save': 'Ruaj ndryshimet',
  'planner.form.submit': 'Shto planin',
  'planner.form.cancel': 'Anulo',

  'planner.scenario': 'Pamja',
  'planner.scenario.current': 'Sot',
  'planner.scenario.planned': (count) =>
    `Me ${count} ${count === 1 ? 'ndërhyrje të planifikuar' : 'ndërhyrje të planifikuara'}`,

  'compare.title': 'Krahaso dy zona',
  'compare.area': (letter) => `Zona ${letter}`,
  'compare.chooseArea': 'Zgjidhni një qark ose bashki…',
  'compare.clearArea': (letter) => `Pastro zonën ${letter}`,
  'compare.clear': 'Pastro',
  'compare.swap': 'Ndërro A dhe B',
  'compare.intro':
    'Zgjidhni dy zona më sipër për t’i parë krah për krah: dy bashki, dy qarqe ose një nga secili. Mund të shtypni edhe «Krahaso» në panelin e një zone; zona e parë shkon te A, e dyta te B.',
  'compare.verdict': verdictSq,
  'compare.pickSecond': (area) =>
    `Zgjidhni një zonë të dytë për ta krahasuar me ${areaObjectSq(area)}.`,
  'compare.onlyDifferences': 'Vetëm ndryshimet',
  'compare.differing': (differing, total) => `(${differing} nga ${total} lloje ndryshojnë)`,
  'compare.caption': (a, b) =>
    `${a ? areaSq(a) : 'Zona A'} dhe ${b ? areaSq(b) : 'zona B'} krah për krah`,
  'compare.measure': 'Treguesi',
  'compare.notChosen': 'pa zgjedhur',
  'compare.none': 'Asnjë',
  'compare.planned': ' (e planifikuar)',
  'compare.yes': 'Po',
  'compare.no': 'Jo',
  'compare.noDifferencesIn': (title) => `Asnjë ndryshim te ${title.toLowerCase()}.`,
  'compare.noneToCompare': 'Asgjë për të krahasuar.',
  'compare.differs': 'ndryshon',
  'compare.kind.county': (municipalities) => `Qark, ${municipalities} bashki`,
  'compare.kind.municipalityIn': 'Bashki në',
  'compare.hotspot.none': 'Nuk përmendet si zonë e nxehtë',
  'compare.hotspot.noneInCounty': ' (asnjë nga bashkitë e tij)',
  'compare.hotspot.level': (level) => `niveli ${level}`,
  'compare.hotspot.county': (hotspots, municipalities) =>
    `më i larti ndër bashkitë e tij; ${hotspots} nga ${municipalities} janë zona të nxehta, `,
  'compare.hotspot.passages': (passages, count) =>
    `${passages} ${count === 1 ? 'citim' : 'citime'}`,
  'compare.gap.higher': 'më i lartë',
  'compare.gap.rank': (rank, outOf) => `vendi ${rank} nga ${outOf}`,
  'compare.gap.counties': ' qarqe',
  'compare.row.kind': 'Lloji',
  'compare.row.hotspot': 'Zonë e nxehtë',
  'compare.row.gap': 'Pikët e boshllëkut',
  'compare.row.localOrganisations': 'Organizata vendore',
  'compare.row.countyWide': 'Në të gjithë qarkun',
  'compare.row.nationwide': 'Kombëtare',
  'compare.row.implementers': 'Zbatues të ndryshëm',
  'compare.row.local': 'Vendore',
  'compare.local.county': (count) => `${count} kudo brenda tij`,
  'compare.local.municipality': (count) => `${count} që e përmendin`,
  'compare.countyWide.county': (count) =>
    `${count} që përmendin të gjithë qarkun (të numëruara më sipër)`,
  'compare.countyWide.municipality': (count) => `${count} që përmendin qarkun e saj`,
  'compare.nationwide.weighted': (count, weight) => `${count} (secila llogaritet ${weight})`,
  'compare.nationwide.notCounted': (count) => `${count} (nuk llogariten)`,
  'compare.nationwide.summary': (count, n) =>
    `${count} ${n === 1 ? 'organizatë, e njëjta' : 'organizata, të njëjtat'} për çdo zonë`,
  'compare.section.activityTypes': 'Llojet e aktiviteteve',
  'compare.section.activityTypesSelected': 'Llojet e aktiviteteve (ato të zgjedhura në filtra)',
  'compare.section.focusTypes': 'Llojet e fokusit',
  'compare.section.organisations': 'Organizatat',
  'compare.inItsMunicipalities': 'Në bashkitë e tij:',
  'compare.note': (planned) =>
    `Sipas filtrave aktualë${planned ? ', me ndërhyrjet e planifikuara' : ''}. Niveli i zonës së nxehtë i një qarku është më i larti ndër bashkitë e tij; boshllëku i tij është mesatarja e tyre e ponderuar sipas nevojës.`,
};

const JSON_KIND_SQ: Record<JsonKind, string> = {
  null: 'null',
  list: 'një listë',
  object: 'një objekt',
  text: 'tekst',
  number: 'një numër',
  boolean: 'true ose false',
};

const levelSq = (level: PlanArea['level']) => (level === 'county' ? 'qark' : 'bashki');
const quotedSq = (values: readonly string[]) => values.map((value) => `"${value}"`).join(' ose ');
const wasSq = (was: JsonKind | null) => (was === null ? 'mungonte' : `ishte ${JSON_KIND_SQ[was]}`);

function planIssueSq(issue: PlanIssue): string {
  switch (issue.code) {
    case 'too-large':
      return 'është më i madh se 1 MB, sa mund të mbajë më së shumti një skedar planesh';
    case 'empty-file':
      return 'është bosh: nuk përmban asnjë plan';
    case 'too-many-plans':
      return `përmban ${issue.count} plane; nga një skedar mund të importohen më së shumti ${issue.max}`;
    case 'duplicate-id':
      return `identifikues i përsëritur «${issue.id}» (hera e parë në rreshtin ${issue.firstLine})`;
    case 'csv-unreadable':
      return `nuk mund të lexohet si CSV: ${issue.detail}`;
    case 'column-twice':
      return `kolona «${issue.column}» shfaqet dy herë`;
    case 'unknown-column':
      return `kolona e panjohur «${issue.column}» nuk merret parasysh`;
    case 'missing-columns':
      return `mungojnë kolonat: ${issue.missing.map((alternatives) => alternatives.join(' ose ')).join(', ')}. Kolonat janë: ${issue.columns.join(', ')}`;
    case 'extra-cells':
      return `ka ${issue.cells} qeliza, ndërsa rreshti i titujve ka ${issue.columns}`;
    case 'json-invalid':
      return `nuk është JSON i vlefshëm (kolona ${issue.column}): ${issue.detail}`;
    case 'not-plans-file':
      return issue.format === null
        ? `nuk është skedar planesh i Hartës: nuk ka "format": "${issue.expected}"`
        : `nuk është skedar planesh i Hartës: formati i tij është ${issue.format}, jo "${issue.expected}"`;
    case 'newer-version':
      return `është versioni ${issue.version} i skedarit të planeve, i shkruar nga një version më i ri i Hartës; ky version lexon versionin ${issue.supported}`;
    case 'wrong-version':
      return `duhet të jetë ${issue.expected} (${issue.was === null ? 'mungonte' : `ishte ${issue.was}`})`;
    case 'no-country':
      return `duhet të emërtojë vendin për të cilin janë planet, p.sh. "${issue.example}"`;
    case 'other-country':
      return `përmban plane për vendin «${issue.country}», por harta tregon «${issue.expected}»; zonat nuk do të përputheshin`;
    case 'plans-not-list':
      return `duhet të jetë një listë planesh (${wasSq(issue.was)})`;
    case 'unknown-field':
      return `fusha e panjohur «${issue.name}» nuk merret parasysh`;
    case 'root-not-plans':
      return `duhet të jetë një objekt skedari planesh ose një listë planesh (${wasSq(issue.was)})`;
    case 'plan-not-object':
      return `çdo plan duhet të jetë një objekt (plani ${issue.index} është ${JSON_KIND_SQ[issue.was]})`;
    case 'not-text':
      return `duhet të jetë tekst (${wasSq(issue.was)})`;
    case 'area-not-object':
      return `duhet të jetë një objekt si ${issue.example} (${wasSq(issue.was)})`;
    case 'activity-type-not-text':
      return `çdo lloj aktiviteti duhet të jetë tekst (${wasSq(issue.was)})`;
    case 'activity-types-not-list':
      return `duhet të jetë një listë llojesh aktivitetesh, p.sh. ["awareness"] (${wasSq(issue.was)})`;
    case 'too-long':
      return `ka ${issue.length} shenja; lejohen më së shumti ${issue.max}`;
    case 'value-too-long':
      return `përmban një vlerë me ${issue.length} shenja; lejohen më së shumti ${issue.max}`;
    case 'id-has-spaces':
      return `«${issue.id}» nuk duhet të përmbajë hapësira`;
    case 'area-level-empty':
      return `është bosh: shkruani ${quotedSq(issue.allowed)}`;
    case 'area-level-invalid':
      return `duhet të jetë ${quotedSq(issue.allowed)} (ishte «${issue.value}»)`;
    case 'area-name-differs':
      return `është «${issue.name}», por ${issue.id} është ${issue.knownName}; përdoret identifikuesi`;
    case 'area-wrong-level':
      return `«${issue.id}» është ${levelSq(issue.level === 'county' ? 'municipality' : 'county')}, jo ${levelSq(issue.level)}`;
    case 'area-id-unknown':
      return `asnjë ${levelSq(issue.level)} nuk ka identifikuesin «${issue.id}»`;
    case 'area-name-ambiguous':
      return `«${issue.name}» është emri i disa ${issue.level === 'county' ? 'qarqeve' : 'bashkive'} (${issue.ids.join(', ')}); jepni ${issue.column}`;
    case 'area-name-unknown':
      return `asnjë ${levelSq(issue.level)} nuk quhet «${issue.name}»`;
    case 'area-empty':
      return 'është bosh: jepni identifikuesin e zonës ose emrin e saj';
    case 'activity-types-empty':
      return `është bosh: jepni të paktën një lloj aktiviteti${issue.example ? ` (p.sh. ${issue.example})` : ''}`;
    case 'activity-type-unknown':
      return `lloj aktiviteti i panjohur «${issue.value}» (të njohurit: ${issue.known.join(', ')})`;
    case 'organisation-unknown':
      return `asnjë organizatë në të dhënat nuk ka identifikuesin «${issue.id}»`;
    case 'organisation-name-differs':
      return `është «${issue.name}», por organizata ${issue.id} quhet «${issue.datasetName}» në të dhënat; mbahet ky emër`;
    case 'organisation-empty':
      return 'është bosh: jepni identifikuesin e organizatës ose emrin e saj';
    case 'date-invalid':
      return `«${issue.value}» nuk është datë e shkruar VVVV-MM-DD, p.sh. 2025-03-31`;
    case 'end-before-start':
      return `${issue.end} është para fillimit, ${issue.start}`;
  }
}

/** Plan-file problems in Albanian (the English are `ENGLISH_PLAN_FILE_WORDS` in src/domain). */
export const PLAN_FILE_WORDS_SQ: PlanFileWords = {
  issue: planIssueSq,
  problem: ({ file, line, field, warning, text }) =>
    `${warning ? 'Paralajmërim: ' : ''}${file}, rreshti ${line}${field ? `, ${field}` : ''}: ${text}`,
};

/** What browser storage of the plans reports, in Albanian (English: `ENGLISH_PLAN_STORAGE_WORDS` in src/io). */
export const PLAN_STORAGE_WORDS_SQ: PlanStorageWords = {
  source: (key) => `hapësira e shfletuesit (${key})`,
  file: PLAN_FILE_WORDS_SQ,
  cannotRead: (source, detail) =>
    `${source} nuk mund të lexohet, ndaj planet e ruajtura nuk shfaqen: ${detail}`,
  keptAside: (backupKey) =>
    `Planet e ruajtura u mbajtën siç ishin në hapësirën e shfletuesit (${backupKey}); nuk u fshi asgjë.`,
  notCopied: (detail) =>
    `Planet e ruajtura nuk mund të kopjoheshin mënjanë (${detail}); eksportoni planet tuaja para se t’i ndryshoni, përndryshe pjesa e palexueshme do të humbasë.`,
  noStorage:
    'Ky shfletues nuk i lejon faqes të ruajë të dhëna (dritare private ose ruajtje e çaktivizuar), ndaj planet do të humbasin pas ringarkimit. Eksportojini për t’i ruajtur.',
  full: 'Hapësira e shfletuesit për këtë faqe është plot, ndaj ndryshimet e fundit në plane nuk u ruajtën. Eksportoni planet për t’i ruajtur.',
  notSaved: (detail) =>
    `Planet nuk mund të ruheshin në shfletues (${detail}). Eksportojini për t’i ruajtur.`,
};
