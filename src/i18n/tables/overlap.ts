import type { TranslationOf } from '../table';

/** A count as a number (for the plural) and as shown (formatted in the interface's language). */
interface Count {
  n: number;
  shown: string;
}

interface MatrixCaption {
  planned: boolean;
  showAll: boolean;
  /** Rows shown, formatted. */
  shown: string;
  /** All municipalities, formatted. */
  total: string;
}

interface MatrixCell {
  municipality: string;
  activity: string;
  /** "2 organisations" ('overlap.organisations'), or null when none is there. */
  organisations: string | null;
  overlap: boolean;
  /** The organisations' names, joined. */
  names: string;
}

/** "A", "A and B", "A, B and C" (`and` in the language's word). */
function joinWith(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1] ?? ''}`;
}

/** Overlap panel and matrix, Organisation panel, side panel (and the search's result rows). */
export const overlapEn = {
  // Overlap panel
  'overlap.title': 'Overlaps',
  'overlap.intro': (planned: boolean) =>
    `An overlap is a municipality where two or more different organisations that name it do the same activity type: the report warns of schools receiving the same awareness sessions from several CSOs. Organisations working across a whole county or nationwide are not counted, since they may never reach that municipality. Only organisations passing the current filters count${planned ? '; planned interventions are included and marked (planned)' : ''}.`,
  'overlap.empty': (filtered: boolean) =>
    `No overlaps${filtered ? ' under the current filters' : ''}: no municipality has two organisations naming it for the same activity type.`,
  'overlap.summary': (overlaps: Count, municipalities: Count) =>
    `${overlaps.shown} ${overlaps.n === 1 ? 'overlap' : 'overlaps'} in ${municipalities.shown} ${municipalities.n === 1 ? 'municipality' : 'municipalities'}, most crowded first.`,
  'overlap.listLabel': 'Overlaps, most crowded first',
  'overlap.organisations': (count: Count) =>
    `${count.shown} ${count.n === 1 ? 'organisation' : 'organisations'}`,
  'overlap.doing': (activity: string, municipality: string) =>
    `Organisations doing ${activity} in ${municipality}`,
  'overlap.planned': ' (planned)',
  'overlap.countedOnce': 'A planned intervention by an organisation already listed counts once.',
  'overlap.sharedFocus': (organisations: number, focus: readonly string[]) =>
    `${organisations === 2 ? 'Both' : 'All'} work on ${joinWith(focus, 'and')}.`,
  'overlap.context': (municipality: string) => `What the documents say about ${municipality}:`,
  'overlap.contextAbove': (municipality: string) =>
    `What the documents say about ${municipality} is quoted above.`,

  // Overlap matrix
  'overlap.matrix.title': 'Overlap: who does the same thing where',
  'overlap.matrix.legend':
    'Each cell counts the organisations that name the municipality and do the activity type:',
  'overlap.matrix.legendOne': 'one,',
  'overlap.matrix.legendOverlap': 'an overlap (bold, darker for more).',
  'overlap.matrix.legendRest': (planned: boolean) =>
    `County-wide and nationwide organisations are not counted.${planned ? ' “p”: includes a planned intervention.' : ''} Select a municipality to open it; select an activity type to filter by it (again to remove the filter).`,
  'overlap.matrix.filterNote': (activities: readonly string[]) =>
    `Activity filter on: only organisations doing ${activities.join(' or ')} are counted, in every column; the last column counts overlaps in the selected types only, as the Overlap panel does.`,
  'overlap.matrix.showAll': 'Show all municipalities, also those no organisation names',
  'overlap.matrix.empty': 'No organisation passing the current filters names a municipality.',
  'overlap.matrix.caption': (c: MatrixCaption) =>
    `Organisations per municipality and activity type${c.planned ? ', with planned interventions' : ''}: ${
      c.showAll
        ? `all ${c.total} municipalities`
        : `${c.shown} of ${c.total} municipalities (those some organisation names)`
    }, most overlap first`,
  'overlap.matrix.municipality': 'Municipality',
  'overlap.matrix.toggleType': (activity: string, filtered: boolean) =>
    `${activity}: ${filtered ? 'remove from' : 'add to'} the activity filter`,
  'overlap.matrix.total': (filtered: boolean) =>
    filtered ? 'Selected types with overlap' : 'Types with overlap',
  'overlap.matrix.cell': (c: MatrixCell) =>
    c.organisations === null
      ? `${c.municipality}, ${c.activity}: no organisation`
      : `${c.municipality}, ${c.activity}: ${c.organisations}${c.overlap ? ' (overlap)' : ''}: ${c.names}`,
  'overlap.matrix.cellOverlap': ' overlap',
  /** After the first names in a cell's label: "and 1 712 more". */
  'overlap.matrix.moreNames': (count: Count) => `and ${count.shown} more`,

  // Organisation panel
  'organisation.noWebsite': 'none given',
  'organisation.missing': 'This organisation is not in the data.',
  'organisation.details': (name: string) => `${name}: organisation details`,
  'organisation.edited': (state: 'added' | 'changed') =>
    state === 'added' ? 'Added in this browser' : 'Changed in this browser',
  'organisation.edit': 'Edit',
  'organisation.delete': 'Delete…',
  /** The question around the organisation's name: "Delete “" name "” from …?". */
  'organisation.deleteQuestion': (part: 'before' | 'after') =>
    part === 'before' ? 'Delete “' : '” from this browser’s data?',
  'organisation.deleteYes': 'Yes, delete',
  'organisation.deleteNo': 'Keep it',
  'organisation.filteredOut':
    'The current filters leave this organisation out: the map, the gaps and the charts do not count it.',
  'organisation.website': 'Website',
  'organisation.where': 'Where',
  'organisation.nationwide': 'Nationwide:',
  'organisation.asWritten': 'As written:',
  'organisation.county': (county: string) => `${county} county`,
  'organisation.unresolved': 'Not in the gazetteer:',
  'organisation.theme': 'Theme (as written)',
  'organisation.activityTypes': 'Activity types',
  'organisation.focus': 'Focus',
  'organisation.source': 'Source',
  'organisation.sourceRow': (row: number, imported: boolean) =>
    imported ? `line ${row}` : `Annex I row ${row}`,
  'organisation.typedEdits': 'Entered or changed in Harta by a user of this browser',
  /** The source of a planned intervention's stand-in, shown as its document's id. */
  'organisation.planSource': 'plan',
  'organisation.notes': 'Notes',
  'organisation.quoteOpen': '“',
  'organisation.quoteClose': '”',
  'organisation.listIntro': (count: Count) =>
    `${count.shown} ${count.n === 1 ? 'organisation' : 'organisations'} under the current filters. Pick one to see where it works.`,
  'organisation.listNationwide': 'nationwide',

  // Side panel
  'panel.loadingData': 'Loading the data tools…',

  // Search result rows
  'panel.search.countyDetail': 'County (qark)',
  'panel.search.municipalityDetail': (county: string) => `Municipality, ${county} county`,
  'panel.search.settlementDetail': (settlement: string, municipality: string) =>
    `${settlement} is in ${municipality}`,
  'panel.search.organisationDetail': 'Organisation',
} as const;

export const overlapSq: TranslationOf<typeof overlapEn> = {
  // Overlap panel
  'overlap.title': 'Mbivendosjet',
  'overlap.intro': (planned) =>
    `Mbivendosje është një bashki ku dy ose më shumë organizata të ndryshme që e përmendin kryejnë të njëjtin lloj aktiviteti: raporti paralajmëron për shkolla që marrin të njëjtat seanca ndërgjegjësimi nga disa OShC. Organizatat që punojnë në një qark të tërë ose në mbarë vendin nuk numërohen, sepse mund të mos e arrijnë kurrë atë bashki. Numërohen vetëm organizatat që kalojnë filtrat aktualë${planned ? '; ndërhyrjet e planifikuara përfshihen dhe shënohen me «(e planifikuar)»' : ''}.`,
  'overlap.empty': (filtered) =>
    `Asnjë mbivendosje${filtered ? ' me filtrat aktualë' : ''}: asnjë bashki nuk përmendet nga dy organizata për të njëjtin lloj aktiviteti.`,
  'overlap.summary': (overlaps, municipalities) =>
    `${overlaps.shown} mbivendosje në ${municipalities.shown} bashki, të renditura nga më e ngarkuara.`,
  'overlap.listLabel': 'Mbivendosjet, të renditura nga më e ngarkuara',
  'overlap.organisations': (count) =>
    `${count.shown} ${count.n === 1 ? 'organizatë' : 'organizata'}`,
  'overlap.doing': (activity, municipality) =>
    `Organizatat që kryejnë «${activity}» në ${municipality}`,
  'overlap.planned': ' (e planifikuar)',
  'overlap.countedOnce':
    'Një ndërhyrje e planifikuar nga një organizatë që është tashmë në listë numërohet vetëm një herë.',
  'overlap.sharedFocus': (organisations, focus) =>
    `${organisations === 2 ? 'Të dyja' : 'Të gjitha'} kanë në fokus: ${joinWith(focus, 'dhe')}.`,
  'overlap.context': (municipality) => `Çfarë thonë dokumentet për ${municipality}:`,
  'overlap.contextAbove': (municipality) =>
    `Çfarë thonë dokumentet për ${municipality} është cituar më lart.`,

  // Overlap matrix
  'overlap.matrix.title': 'Mbivendosjet: kush bën të njëjtën gjë dhe ku',
  'overlap.matrix.legend':
    'Çdo qelizë numëron organizatat që e përmendin bashkinë dhe kryejnë llojin e aktivitetit:',
  'overlap.matrix.legendOne': 'një,',
  'overlap.matrix.legendOverlap':
    'mbivendosje (me shkronja të trasha, më e errët kur janë më shumë).',
  'overlap.matrix.legendRest': (planned) =>
    `Organizatat që punojnë në gjithë qarkun ose në mbarë vendin nuk numërohen.${planned ? ' «p»: përfshin një ndërhyrje të planifikuar.' : ''} Zgjidhni një bashki për ta hapur; zgjidhni një lloj aktiviteti për të filtruar sipas tij (sërish, për ta hequr filtrin).`,
  'overlap.matrix.filterNote': (activities) =>
    `Filtri i aktiviteteve është aktiv: në çdo kolonë numërohen vetëm organizatat që kryejnë ${activities.map((activity) => `«${activity}»`).join(' ose ')}; kolona e fundit numëron mbivendosjet vetëm në llojet e zgjedhura, si paneli «Mbivendosjet».`,
  'overlap.matrix.showAll': 'Shfaq të gjitha bashkitë, edhe ato që nuk i përmend asnjë organizatë',
  'overlap.matrix.empty': 'Asnjë organizatë që kalon filtrat aktualë nuk përmend ndonjë bashki.',
  'overlap.matrix.caption': (c) =>
    `Organizatat sipas bashkisë dhe llojit të aktivitetit${c.planned ? ', me ndërhyrjet e planifikuara' : ''}: ${
      c.showAll
        ? `të gjitha ${c.total} bashkitë`
        : `${c.shown} nga ${c.total} bashki (ato që i përmend ndonjë organizatë)`
    }, të renditura nga ato me më shumë mbivendosje`,
  'overlap.matrix.municipality': 'Bashkia',
  'overlap.matrix.toggleType': (activity, filtered) =>
    filtered
      ? `${activity}: hiqe nga filtri i aktiviteteve`
      : `${activity}: shtoje në filtrin e aktiviteteve`,
  'overlap.matrix.total': (filtered) =>
    filtered ? 'Lloje të zgjedhura me mbivendosje' : 'Lloje me mbivendosje',
  'overlap.matrix.cell': (c) =>
    c.organisations === null
      ? `${c.municipality}, ${c.activity}: asnjë organizatë`
      : `${c.municipality}, ${c.activity}: ${c.organisations}${c.overlap ? ' (mbivendosje)' : ''}: ${c.names}`,
  'overlap.matrix.cellOverlap': ' mbivendosje',
  'overlap.matrix.moreNames': (count) => `dhe ${count.shown} të tjera`,

  // Organisation panel
  'organisation.noWebsite': 'nuk jepet',
  'organisation.missing': 'Kjo organizatë nuk gjendet në të dhëna.',
  'organisation.details': (name) => `${name}: të dhënat e organizatës`,
  'organisation.edited': (state) =>
    state === 'added' ? 'Shtuar në këtë shfletues' : 'Ndryshuar në këtë shfletues',
  'organisation.edit': 'Ndrysho',
  'organisation.delete': 'Fshi…',
  'organisation.deleteQuestion': (part) =>
    part === 'before' ? 'Të fshihet «' : '» nga të dhënat e këtij shfletuesi?',
  'organisation.deleteYes': 'Po, fshije',
  'organisation.deleteNo': 'Jo, mbaje',
  'organisation.filteredOut':
    'Filtrat aktualë e lënë jashtë këtë organizatë: harta, boshllëqet dhe grafikët nuk e numërojnë.',
  'organisation.website': 'Faqja në internet',
  'organisation.where': 'Ku punon',
  'organisation.nationwide': 'Në mbarë vendin:',
  'organisation.asWritten': 'Siç është shkruar:',
  'organisation.county': (county) => `Qarku ${county}`,
  'organisation.unresolved': 'Nuk gjenden në regjistrin e vendeve:',
  'organisation.theme': 'Tema (siç është shkruar)',
  'organisation.activityTypes': 'Llojet e aktiviteteve',
  'organisation.focus': 'Fokusi',
  'organisation.source': 'Burimi',
  'organisation.sourceRow': (row, imported) =>
    imported ? `rreshti ${row}` : `Aneksi I, rreshti ${row}`,
  'organisation.typedEdits': 'Futur ose ndryshuar në Harta nga një përdorues i këtij shfletuesi',
  'organisation.planSource': 'ndërhyrje e planifikuar',
  'organisation.notes': 'Shënime',
  'organisation.quoteOpen': '«',
  'organisation.quoteClose': '»',
  'organisation.listIntro': (count) =>
    `${count.shown} ${count.n === 1 ? 'organizatë' : 'organizata'} sipas filtrave aktualë. Zgjidhni njërën për të parë ku punon.`,
  'organisation.listNationwide': 'në mbarë vendin',

  // Side panel
  'panel.loadingData': 'Po ngarkohen mjetet e të dhënave…',

  // Search result rows
  'panel.search.countyDetail': 'Qark',
  'panel.search.municipalityDetail': (county) => `Bashki, qarku ${county}`,
  'panel.search.settlementDetail': (settlement, municipality) =>
    `${settlement} është në bashkinë ${municipality}`,
  'panel.search.organisationDetail': 'Organizatë',
};
