import type { ComparedField, EditKind, EditLabel, SourceRow } from '../../domain/local-edits';
import type { FormProblem, UnresolvedFormPlace } from '../../domain/organisation-form';
import type { TranslationOf } from '../table';

/** A count as a number (for agreement) and as shown (formatted in the language). */
export interface Counted {
  count: number;
  shown: string;
}

/** The three counts of the local changes. */
export type EditCounts = Readonly<Record<EditKind, Counted>>;

const ENGLISH_FIELDS: Readonly<Record<ComparedField, string>> = {
  name: 'name',
  acronym: 'acronym',
  kind: 'kind',
  websiteRaw: 'website',
  theme: 'theme',
  activityTypes: 'activity types',
  focusOfActivities: 'focus of activities',
  focusTypes: 'focus types',
  geographicFocus: 'geographic focus',
  scope: 'scope',
  countyIds: 'counties',
  municipalityIds: 'municipalities',
  unresolvedPlaces: 'unresolved places',
  notes: 'notes',
  source: 'source',
};

const ALBANIAN_FIELDS: Readonly<Record<ComparedField, string>> = {
  name: 'emri',
  acronym: 'akronimi',
  kind: 'lloji i organizatës',
  websiteRaw: 'faqja në internet',
  theme: 'tema',
  activityTypes: 'llojet e aktiviteteve',
  focusOfActivities: 'fokusi i aktiviteteve',
  focusTypes: 'llojet e fokusit',
  geographicFocus: 'fokusi gjeografik',
  scope: 'shtrirja',
  countyIds: 'qarqet',
  municipalityIds: 'bashkitë',
  unresolvedPlaces: 'vendet e panjohura',
  notes: 'shënimet',
  source: 'burimi',
};

/** "X (did you mean Y or Z?)" for each place the gazetteer does not know. */
const englishPlaces = (places: readonly UnresolvedFormPlace[]) =>
  places
    .map((place) =>
      place.candidates.length > 0
        ? `${place.text} (${place.reason === 'ambiguous' ? 'could be' : 'did you mean'} ${place.candidates.join(' or ')}?)`
        : place.text,
    )
    .join('; ');

const albanianPlaces = (places: readonly UnresolvedFormPlace[]) =>
  places
    .map((place) =>
      place.candidates.length > 0
        ? `${place.text} (${place.reason === 'ambiguous' ? 'mund të jetë' : 'mos keni parasysh'} ${place.candidates.join(' ose ')}?)`
        : place.text,
    )
    .join('; ');

/** Data panel, local changes, organisation form, browser storage. */
export const dataEn = {
  'data.title': 'Data',
  'data.changes.heading': 'Changes in this browser',
  'data.changes.summary': (c: EditCounts) =>
    `This view contains local changes: ${c.added.shown} added, ${c.changed.shown} changed, ${c.deleted.shown} deleted. They are saved in this browser only; export them to share them.`,
  'data.changes.none': 'None: the view shows the published dataset.',
  'data.changes.badge': (kind: EditKind) =>
    kind === 'added' ? 'Added' : kind === 'changed' ? 'Changed' : 'Deleted',
  /** One part of "2 added, 1 changed" (see `describeEdits`). */
  'data.changes.part': (kind: EditKind, c: Counted) => `${c.shown} ${kind}`,
  'data.changes.field': (field: ComparedField) => ENGLISH_FIELDS[field],
  'data.undo': (label: EditLabel) =>
    `Undo: ${
      label.kind === 'reset'
        ? 'Reset to the published dataset'
        : label.kind === 'import'
          ? `Import ${label.fileName}`
          : `${label.kind === 'add' ? 'Add' : label.kind === 'edit' ? 'Edit' : 'Delete'} “${label.name}”`
    }`,
  /** An undo label given as text (by a caller that has not moved to `EditLabel`). */
  'data.reset': 'Reset to the published dataset…',
  'data.reset.confirm': (c: Counted) => `Drop all ${c.shown} local changes?`,
  'data.reset.yes': 'Yes, reset',
  'data.reset.keep': 'Keep them',
  'data.add': 'Add an organisation',

  'data.form.editLabel': (name: string) => `Edit ${name}`,
  'data.form.editHeading': (name: string) => `Edit “${name}”`,
  'data.form.name': 'Name (required)',
  'data.form.acronym': 'Acronym',
  'data.form.kind': 'Kind (required)',
  'data.form.choose': 'Choose…',
  'data.form.where': 'Where it works (required)',
  'data.form.wherePlaceholder': 'Kukës; Has; Qarku i Dibrës — or “nationwide”',
  'data.form.readAsNational': 'Read as: nationwide.',
  'data.form.readAs': (places: string) => `Read as: ${places}.`,
  'data.form.county': (name: string) => `${name} county`,
  'data.form.activityTypes': 'Activity types',
  'data.form.focus': 'Focus',
  'data.form.website': 'Website (http or https)',
  'data.form.theme': 'Theme, as the source writes it',
  'data.form.focusOfActivities': 'Focus of activities, as the source writes it',
  'data.form.notes': 'Notes (source, doubts, decisions)',
  'data.form.notSaved': (problems: string) => `Not saved: ${problems}`,
  'data.form.saveChanges': 'Save changes',
  'data.form.addOrganisation': 'Add organisation',
  'data.form.cancel': 'Cancel',
  'data.form.problem': (problem: FormProblem) => {
    switch (problem.code) {
      case 'nameRequired':
        return 'The name is required.';
      case 'nameTooLong':
        return `The name is longer than ${problem.max} characters.`;
      case 'nameTaken':
        return `Another organisation already has this name (${problem.otherId}).`;
      case 'kindRequired':
        return 'Choose a kind.';
      case 'noActivityType':
        return 'No activity type: the organisation will not count towards any activity gap.';
      case 'website':
        return `Website: ${problem.detail}.`;
      case 'placeRequired':
        return 'Say where the organisation works: municipalities, counties, or "nationwide".';
      case 'noPlaceFound':
        return `No place in the gazetteer matches: ${englishPlaces(problem.places)}.`;
      case 'placesKeptAsText':
        return `Not found in the gazetteer, kept as text: ${englishPlaces(problem.places)}.`;
    }
  },

  /** The typed-edits document: stored in English as provenance, shown translated. */
  'data.typedEdits.title': (stored: string) => stored,
  'data.typedEdits.publisher': (stored: string) => stored,
  /** Where a record comes from in its document (see `sourceRowOf`). */
  'data.sourceRow': (row: SourceRow) =>
    row.kind === 'line' ? `line ${row.row}` : `Annex I row ${row.row}`,

  'data.storage.noStorage': 'no storage',
  'data.storage.cannotSave': (reason: string) =>
    `Changes cannot be saved in this browser (${reason}); they last until this tab is closed.`,
  'data.storage.timeout':
    'The changes saved in this browser could not be read in time (another tab may hold the storage). They are not shown, and this tab will not save over them; reload to try again.',
  'data.storage.unreadable': (reason: string) =>
    `The changes saved in this browser cannot be read: ${reason}`,
  'data.storage.full': "the browser's storage for this site is full",
  'data.storage.noIndexedDb': 'this browser offers no IndexedDB storage',
  'data.storage.blocked': 'another tab with an older Harta holds the database open',
  'data.storage.openFailed': 'IndexedDB could not be opened',
  'data.storage.requestFailed': 'IndexedDB request failed',
  'data.storage.writeFailed': 'IndexedDB write failed',
  'data.storage.writeAborted': 'IndexedDB write was aborted',
  'data.storage.editsUnreadable': (reason: string) =>
    `Changes saved in this browser cannot be read: ${reason}. They are not shown.`,
  'data.storage.editsProblem': (problem: string) => `Changes saved in this browser: ${problem}`,
  'data.storage.noCopy': (reason: string) =>
    `A copy could not be kept (${reason}), so this tab will not save over them.`,
  'data.storage.copyKept': (key: string) =>
    `The saved value is kept as "${key}" in this browser's storage.`,
  'data.storage.saveFailed': (reason: string) =>
    `Your changes could not be saved in this browser: ${reason}. They stay in this tab until it is closed; export them (Export → everything) to keep a copy.`,
  'data.storage.boundariesUnknown':
    'The municipal boundaries saved in this browser are not in a form Harta knows; load the file again.',
  'data.storage.boundariesUnreadable': (reason: string) =>
    `The municipal boundaries saved in this browser cannot be read: ${reason}.`,
  'data.storage.boundariesSaveFailed': (reason: string) =>
    `The municipal boundaries could not be saved in this browser: ${reason}. The map shows them until this tab is closed.`,
} as const;

/** "e shtuar" / "të shtuara": the participle agrees with "organizatë". */
const albanianEdited = (kind: EditKind, count: number) => {
  const one = count === 1;
  if (kind === 'added') return one ? 'e shtuar' : 'të shtuara';
  if (kind === 'changed') return one ? 'e ndryshuar' : 'të ndryshuara';
  return one ? 'e fshirë' : 'të fshira';
};

export const dataSq: TranslationOf<typeof dataEn> = {
  'data.title': 'Të dhënat',
  'data.changes.heading': 'Ndryshimet në këtë shfletues',
  'data.changes.summary': (c) =>
    `Kjo pamje përmban ndryshime vendore: ${c.added.shown} ${albanianEdited('added', c.added.count)}, ${c.changed.shown} ${albanianEdited('changed', c.changed.count)}, ${c.deleted.shown} ${albanianEdited('deleted', c.deleted.count)}. Ato ruhen vetëm në këtë shfletues; eksportojini për t’i ndarë me të tjerët.`,
  'data.changes.none': 'Asnjë: pamja tregon të dhënat e publikuara.',
  'data.changes.badge': (kind) =>
    kind === 'added' ? 'E shtuar' : kind === 'changed' ? 'E ndryshuar' : 'E fshirë',
  'data.changes.part': (kind, c) => `${c.shown} ${albanianEdited(kind, c.count)}`,
  'data.changes.field': (field) => ALBANIAN_FIELDS[field],
  'data.undo': (label) =>
    `Zhbëj: ${
      label.kind === 'reset'
        ? 'rivendosjen e të dhënave të publikuara'
        : label.kind === 'import'
          ? `importimin e ${label.fileName}`
          : `${label.kind === 'add' ? 'shtimin' : label.kind === 'edit' ? 'ndryshimin' : 'fshirjen'} e «${label.name}»`
    }`,
  'data.reset': 'Rivendos të dhënat e publikuara…',
  'data.reset.confirm': (c) =>
    c.count === 1
      ? 'Të hiqet ndryshimi vendor?'
      : `Të hiqen të gjitha ndryshimet vendore (${c.shown})?`,
  'data.reset.yes': 'Po, rivendos',
  'data.reset.keep': 'Jo, mbaji',
  'data.add': 'Shto një organizatë',

  'data.form.editLabel': (name) => `Ndrysho ${name}`,
  'data.form.editHeading': (name) => `Ndrysho «${name}»`,
  'data.form.name': 'Emri (i detyrueshëm)',
  'data.form.acronym': 'Akronimi',
  'data.form.kind': 'Lloji i organizatës (i detyrueshëm)',
  'data.form.choose': 'Zgjidhni…',
  'data.form.where': 'Ku vepron (fushë e detyrueshme)',
  'data.form.wherePlaceholder': 'Kukës; Has; Qarku i Dibrës — ose «Shqipëri» për gjithë vendin',
  'data.form.readAsNational': 'Lexohet si: në mbarë vendin.',
  'data.form.readAs': (places) => `Lexohet si: ${places}.`,
  'data.form.county': (name) => `${name} (qark)`,
  'data.form.activityTypes': 'Llojet e aktiviteteve',
  'data.form.focus': 'Fokusi',
  'data.form.website': 'Faqja në internet (http ose https)',
  'data.form.theme': 'Tema, siç e shkruan burimi',
  'data.form.focusOfActivities': 'Fokusi i aktiviteteve, siç e shkruan burimi',
  'data.form.notes': 'Shënime (burimi, dyshime, vendime)',
  'data.form.notSaved': (problems) => `Nuk u ruajt: ${problems}`,
  'data.form.saveChanges': 'Ruaj ndryshimet',
  'data.form.addOrganisation': 'Shto organizatën',
  'data.form.cancel': 'Anulo',
  'data.form.problem': (problem) => {
    switch (problem.code) {
      case 'nameRequired':
        return 'Emri është i detyrueshëm.';
      case 'nameTooLong':
        return `Emri është më i gjatë se ${problem.max} shenja.`;
      case 'nameTaken':
        return `Një organizatë tjetër e ka tashmë këtë emër (${problem.otherId}).`;
      case 'kindRequired':
        return 'Zgjidhni llojin e organizatës.';
      case 'noActivityType':
        return 'Pa lloj aktiviteti: organizata nuk do të llogaritet në asnjë boshllëk sipas aktivitetit.';
      case 'website':
        return `Faqja në internet: «${problem.value}» nuk është një adresë e vlefshme http ose https.`;
      case 'placeRequired':
        return 'Tregoni ku vepron organizata: bashki, qarqe ose «Shqipëri» për gjithë vendin.';
      case 'noPlaceFound':
        return `Asnjë vend i njohur nuk përputhet me: ${albanianPlaces(problem.places)}.`;
      case 'placesKeptAsText':
        return `Nuk u gjetën ndër vendet e njohura dhe u mbajtën si tekst: ${albanianPlaces(problem.places)}.`;
    }
  },

  'data.typedEdits.title': () =>
    'Futur ose ndryshuar në Harta nga një përdorues i këtij shfletuesi',
  'data.typedEdits.publisher': () => 'Përdorues i këtij shfletuesi',
  'data.sourceRow': (row) =>
    row.kind === 'line' ? `rreshti ${row.row}` : `Aneksi I, rreshti ${row.row}`,

  'data.storage.noStorage': 'nuk ka hapësirë ruajtjeje',
  'data.storage.cannotSave': (reason) =>
    `Ndryshimet nuk mund të ruhen në këtë shfletues (${reason}); ato mbeten derisa të mbyllet kjo skedë.`,
  'data.storage.timeout':
    'Ndryshimet e ruajtura në këtë shfletues nuk u lexuan në kohë (ndoshta një skedë tjetër e ka zënë hapësirën e ruajtjes). Ato nuk shfaqen dhe kjo skedë nuk do t’i mbishkruajë; ringarkoni faqen për të provuar sërish.',
  'data.storage.unreadable': (reason) =>
    `Ndryshimet e ruajtura në këtë shfletues nuk mund të lexohen: ${reason}`,
  'data.storage.full': 'hapësira e ruajtjes së shfletuesit për këtë faqe është plot',
  'data.storage.noIndexedDb': 'ky shfletues nuk ofron hapësirë ruajtjeje IndexedDB',
  'data.storage.blocked':
    'një skedë tjetër me një version më të vjetër të Hartës e mban të hapur bazën e të dhënave',
  'data.storage.openFailed': 'IndexedDB nuk mund të hapej',
  'data.storage.requestFailed': 'kërkesa në IndexedDB dështoi',
  'data.storage.writeFailed': 'shkrimi në IndexedDB dështoi',
  'data.storage.writeAborted': 'shkrimi në IndexedDB u ndërpre',
  'data.storage.editsUnreadable': (reason) =>
    `Ndryshimet e ruajtura në këtë shfletues nuk mund të lexohen: ${reason}. Ato nuk shfaqen.`,
  'data.storage.editsProblem': (problem) => `Ndryshimet e ruajtura në këtë shfletues: ${problem}`,
  'data.storage.noCopy': (reason) =>
    `Nuk u ruajt dot një kopje (${reason}), prandaj kjo skedë nuk do t’i mbishkruajë.`,
  'data.storage.copyKept': (key) =>
    `Vlera e ruajtur mbahet si «${key}» në hapësirën e ruajtjes së këtij shfletuesi.`,
  'data.storage.saveFailed': (reason) =>
    `Ndryshimet tuaja nuk u ruajtën në këtë shfletues: ${reason}. Ato mbeten në këtë skedë derisa të mbyllet; eksportojini (Eksporto → gjithçka) për të mbajtur një kopje.`,
  'data.storage.boundariesUnknown':
    'Kufijtë e bashkive të ruajtur në këtë shfletues nuk janë në një formë që Harta e njeh; ngarkojeni skedarin përsëri.',
  'data.storage.boundariesUnreadable': (reason) =>
    `Kufijtë e bashkive të ruajtur në këtë shfletues nuk mund të lexohen: ${reason}.`,
  'data.storage.boundariesSaveFailed': (reason) =>
    `Kufijtë e bashkive nuk u ruajtën në këtë shfletues: ${reason}. Harta i tregon derisa të mbyllet kjo skedë.`,
};
