import type { ImportChangesFailure } from '../../domain/apply-import';
import { CHANGE_FIELD_NOTE } from '../../domain/import-change-fields';
import type {
  BoundaryFailure,
  BoundaryNote,
  BoundaryWarning,
  FeatureProblem,
  JsonSyntaxProblem,
  NameReadPart,
} from '../../domain/boundary-import';
import type { ImportField } from '../../domain/hxl-fields';
import type { ImportChange, ImportIssue, PlaceSuggestion } from '../../domain/import-3w';
import type { ImportSourceFailure } from '../../io/import-source';
import { formatNumber } from '../format';
import type { TranslationOf } from '../table';

/** A count already formatted, with the noun agreeing with it: "1 row", "2 rows". */
interface Counted {
  n: number;
  text: string;
}
const count = (c: Counted, one: string, many: string) => `${c.text} ${c.n === 1 ? one : many}`;

interface WizardSummary {
  rows: Counted;
  add: string;
  update: string;
  unchanged: string;
  /** n is 0 when no organisation has errors. */
  withErrors: Counted;
  errors: Counted;
  warnings: Counted;
}

interface ImportOutcome {
  fileName: string;
  added: string;
  updated: string;
  unchanged: Counted;
  /** Lines skipped because of errors, listed; n is 0 when none. */
  skipped: Counted;
}

interface BoundaryCounts {
  features: Counted;
  municipalities: Counted;
}

const FIELD_NAMES_EN: Readonly<Record<ImportField, string>> = {
  organisation: 'Organisation name',
  acronym: 'Acronym',
  kind: 'Organisation kind',
  activityTypes: 'Activity types',
  focusTypes: 'Focus types',
  scope: 'Scope',
  county: 'County (qark)',
  municipality: 'Municipality (bashki)',
  location: 'Location (town, village)',
  geographicFocus: 'Geographic focus (free text)',
  latitude: 'Latitude',
  longitude: 'Longitude',
  start: 'Start date',
  end: 'End date',
  status: 'Status',
  website: 'Website',
};

const FIELD_NAMES_SQ: Readonly<Record<ImportField, string>> = {
  organisation: 'Emri i organizatës',
  acronym: 'Akronimi',
  kind: 'Lloji i organizatës',
  activityTypes: 'Llojet e aktiviteteve',
  focusTypes: 'Llojet e fokusit',
  scope: 'Shtrirja',
  county: 'Qarku',
  municipality: 'Bashkia',
  location: 'Vendndodhja (qytet, fshat)',
  geographicFocus: 'Fokusi gjeografik (tekst i lirë)',
  latitude: 'Gjerësia gjeografike',
  longitude: 'Gjatësia gjeografike',
  start: 'Data e fillimit',
  end: 'Data e përfundimit',
  status: 'Statusi',
  website: 'Faqja e internetit',
};

/** "A, B or C" / "A, B ose C". */
const listWords = (names: readonly string[], or: string) =>
  names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} ${or} ${names[names.length - 1] ?? ''}`;

/** "lines 3 to 4" as a problem with an unclosed quote says it. */
const notReadEn = (line: number, last: number) =>
  line < last ? `lines ${line} to ${last} are not read` : `line ${line} is not read`;
const notReadSq = (line: number, last: number) =>
  line < last ? `rreshtat ${line} deri ${last} nuk lexohen` : `rreshti ${line} nuk lexohet`;

const FIELD_LABEL_EN: Readonly<Record<ImportField, string>> = {
  organisation: 'the organisation name',
  acronym: 'the acronym',
  kind: 'the organisation kind',
  activityTypes: 'activity types',
  focusTypes: 'focus types',
  scope: 'the scope',
  county: 'the county',
  municipality: 'the municipality',
  location: 'the location',
  geographicFocus: 'the geographic focus',
  latitude: 'the latitude',
  longitude: 'the longitude',
  start: 'the start date',
  end: 'the end date',
  status: 'the status',
  website: 'the website',
};

const FIELD_LABEL_SQ: Readonly<Record<ImportField, string>> = {
  organisation: 'emri i organizatës',
  acronym: 'akronimi',
  kind: 'lloji i organizatës',
  activityTypes: 'llojet e aktiviteteve',
  focusTypes: 'llojet e fokusit',
  scope: 'shtrirja',
  county: 'qarku',
  municipality: 'bashkia',
  location: 'vendndodhja',
  geographicFocus: 'fokusi gjeografik',
  latitude: 'gjerësia gjeografike',
  longitude: 'gjatësia gjeografike',
  start: 'data e fillimit',
  end: 'data e përfundimit',
  status: 'statusi',
  website: 'faqja e internetit',
};

const suggestionEn = (s: PlaceSuggestion) => (s.within ? `${s.name} (in ${s.within})` : s.name);
const suggestionSq = (s: PlaceSuggestion) => (s.within ? `${s.name} (në ${s.within})` : s.name);

/** Where a quoted cell spanning lines opens and closes, and the lines inside it. */
function spansEn(opened: number, closes: number): string {
  const inside =
    closes - opened === 1
      ? ''
      : closes - opened === 2
        ? `; line ${opened + 1} is inside it`
        : `; lines ${opened + 1}–${closes - 1} are inside it`;
  return `the quoted cell opened on line ${opened} closes on line ${closes}${inside}`;
}
function spansSq(opened: number, closes: number): string {
  const inside =
    closes - opened === 1
      ? ''
      : closes - opened === 2
        ? `; rreshti ${opened + 1} është brenda saj`
        : `; rreshtat ${opened + 1}–${closes - 1} janë brenda saj`;
  return `qeliza në thonjëza e hapur në rreshtin ${opened} mbyllet në rreshtin ${closes}${inside}`;
}

/** A problem of a 3W sheet in English: also what `harta import` prints. */
function issueEn(issue: ImportIssue): string {
  switch (issue.code) {
    case 'unknown-place': {
      const hint =
        issue.suggestions.length > 0
          ? `: did you mean ${listWords(issue.suggestions.map(suggestionEn), 'or')}?`
          : '';
      return `unknown ${issue.level} "${issue.text}"${hint}`;
    }
    case 'ambiguous-place':
      return `"${issue.text}" names places in ${issue.places.join(' and ')}: name the municipality too`;
    case 'part-of-country':
      return `"${issue.text}" names part of the country that no county or municipality matches`;
    case 'place-note':
      return issue.note;
    case 'not-a-county':
      return `"${issue.value}" is not a county: recorded as the municipality ${issue.municipality}`;
    case 'county-not-municipality':
      return `"${issue.value}" is a county, not a municipality: recorded as ${issue.county} county`;
    case 'unclosed-quote':
      return `a quoted field is not closed: ${notReadEn(issue.line, issue.lastLine)}`;
    case 'empty-source':
      return `the ${issue.what} is empty: expected a header row`;
    case 'lines-above-header':
      return issue.from === issue.to
        ? `line ${issue.from} above the header is skipped`
        : `lines ${issue.from}–${issue.to} above the header are skipped`;
    case 'column-repeated':
      return `column "${issue.label}" is also read as ${FIELD_LABEL_EN[issue.field]}; only "${issue.owner}" is used`;
    case 'unknown-column':
      return `unknown column "${issue.label}" is ignored`;
    case 'missing-columns': {
      const missing = [
        ...(issue.organisation
          ? ['the organisation name (e.g. "Organisation", "Emri" or #org+name)']
          : []),
        ...(issue.place
          ? [
              'a place (county, municipality, location or geographic focus, e.g. "Bashkia" or #adm2+name) or a scope marking organisations nationwide',
            ]
          : []),
      ];
      return `missing required ${missing.length > 1 ? 'columns' : 'column'}: ${missing.join(' and ')}`;
    }
    case 'no-data-rows':
      return 'no data rows';
    case 'too-many-rows':
      return `more than ${formatNumber('en', issue.max)} data rows: lines ${issue.first} to ${issue.last} are not read`;
    case 'extra-fields':
      return `has ${issue.fields} fields, the header has ${issue.width}; the extra fields are ignored`;
    case 'name-line-break':
      return 'organisation name has a line break in its cell';
    case 'cell-spans-lines':
      return `${issue.name ? 'organisation name spans lines' : 'a cell spans lines'}: ${spansEn(issue.opened, issue.closes)}`;
    case 'hashtag-in-data':
      return `"${issue.value}" is an HXL hashtag, not data`;
    case 'formula':
      return 'looks like a spreadsheet formula; kept as text';
    case 'unknown-kind':
      return `unknown organisation kind "${issue.value}"; kept as text`;
    case 'unknown-type':
      return `no ${issue.field === 'activityTypes' ? 'activity type' : 'focus type'} recognised in "${issue.value}"; kept as text`;
    case 'unknown-scope':
      return `scope "${issue.value}" is not understood: write "national" or "local"`;
    case 'wrong-county':
      return `${issue.municipality} is in ${issue.county} county, not ${listWords(issue.named, 'or')}`;
    case 'nationwide-and-places': {
      const named = [...issue.counties.map((name) => `${name} county`), ...issue.municipalities];
      return `marked nationwide but also names ${named.join(', ')}: recorded as nationwide`;
    }
    case 'no-place':
      return 'names no place: give a county, municipality or location, or mark it nationwide';
    case 'not-a-number':
      return `${issue.axis} "${issue.value}" is not a number`;
    case 'half-coordinates':
      return issue.given === 'latitude'
        ? 'a latitude without a longitude'
        : 'a longitude without a latitude';
    case 'outside-country':
      return `coordinates ${issue.lat}, ${issue.lon} (latitude, longitude) are outside ${issue.country}${issue.swapped ? '; latitude and longitude look swapped' : ''}`;
    case 'not-a-date':
      return issue.monthFirst
        ? `"${issue.value}" is not a date read day first: it looks month first (MM/DD/YYYY); write YYYY-MM-DD or DD/MM/YYYY`
        : `"${issue.value}" is not a date (write YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY)`;
    case 'ambiguous-date':
      return `"${issue.value}" is read day first, as ${issue.iso}; if the sheet writes the month first, write its dates as YYYY-MM-DD (said once, for the first such date)`;
    case 'ends-before-start':
      return `ends (${issue.end}) before it starts (${issue.start})`;
    case 'website':
      return `website: ${issue.problem}`;
    case 'name-empty':
      return 'organisation name is empty';
    case 'duplicate':
      return `duplicate of line ${issue.firstLine}`;
    case 'acronym-several':
      return `the acronym matches several organisations (${issue.names.join(', ')}); read as a new one`;
    case 'near-miss':
      return `"${issue.name}" is not in the data: did you mean "${issue.near}"? It is read as a new organisation; if it is the same one, correct the name in the file`;
    case 'other-sheets':
      return `the workbook has ${issue.others.length + 1} worksheets with data: only the first, "${issue.read}", is read (not ${issue.others.map((name) => `"${name}"`).join(', ')})`;
  }
}

const LEVEL_SQ = {
  place: 'vend i panjohur',
  county: 'qark i panjohur',
  municipality: 'bashki e panjohur',
} as const;

function issueSq(issue: ImportIssue): string {
  switch (issue.code) {
    case 'unknown-place': {
      const hint =
        issue.suggestions.length > 0
          ? `: mos keni parasysh ${listWords(issue.suggestions.map(suggestionSq), 'ose')}?`
          : '';
      return `${LEVEL_SQ[issue.level]} «${issue.text}»${hint}`;
    }
    case 'ambiguous-place':
      return `«${issue.text}» emërton vende në ${issue.places.join(' dhe ')}: shënoni edhe bashkinë`;
    case 'part-of-country':
      return `«${issue.text}» emërton një pjesë të vendit me të cilën nuk përputhet asnjë qark ose bashki`;
    case 'place-note':
      return issue.note;
    case 'not-a-county':
      return `«${issue.value}» nuk është qark: u regjistrua si bashkia ${issue.municipality}`;
    case 'county-not-municipality':
      return `«${issue.value}» është qark, jo bashki: u regjistrua si qarku ${issue.county}`;
    case 'unclosed-quote':
      return `një fushë në thonjëza nuk mbyllet: ${notReadSq(issue.line, issue.lastLine)}`;
    case 'empty-source':
      return `${issue.what === 'file' ? 'skedari' : 'fleta'} është bosh: pritej një rresht me tituj`;
    case 'lines-above-header':
      return issue.from === issue.to
        ? `rreshti ${issue.from} mbi rreshtin e titujve anashkalohet`
        : `rreshtat ${issue.from}–${issue.to} mbi rreshtin e titujve anashkalohen`;
    case 'column-repeated':
      return `kolona «${issue.label}» lexohet gjithashtu si ${FIELD_LABEL_SQ[issue.field]}; përdoret vetëm «${issue.owner}»`;
    case 'unknown-column':
      return `kolona e panjohur «${issue.label}» shpërfillet`;
    case 'missing-columns': {
      const missing = [
        ...(issue.organisation ? ['emri i organizatës (p.sh. «Organizata», «Emri» ose #org)'] : []),
        ...(issue.place
          ? [
              'një vend (qark, bashki, vendndodhje ose fokus gjeografik, p.sh. «Bashkia» ose #adm2) ose shtrirja që shënon organizatat kombëtare',
            ]
          : []),
      ];
      return `${missing.length > 1 ? 'mungojnë kolonat e detyrueshme' : 'mungon kolona e detyrueshme'}: ${missing.join(' dhe ')}`;
    }
    case 'no-data-rows':
      return 'nuk ka rreshta me të dhëna';
    case 'too-many-rows':
      return `më shumë se ${formatNumber('sq', issue.max)} rreshta me të dhëna: rreshtat ${issue.first} deri ${issue.last} nuk lexohen`;
    case 'extra-fields':
      return `ka ${issue.fields} fusha, ndërsa rreshti i titujve ka ${issue.width}; fushat e tepërta shpërfillen`;
    case 'name-line-break':
      return 'emri i organizatës ka një kalim në rresht të ri brenda qelizës';
    case 'cell-spans-lines':
      return `${issue.name ? 'emri i organizatës shtrihet në disa rreshta' : 'një qelizë shtrihet në disa rreshta'}: ${spansSq(issue.opened, issue.closes)}`;
    case 'hashtag-in-data':
      return `«${issue.value}» është etiketë HXL, jo e dhënë`;
    case 'formula':
      return 'duket si formulë e fletëllogaritëses; mbahet si tekst';
    case 'unknown-kind':
      return `lloj organizate i panjohur «${issue.value}»; mbahet si tekst`;
    case 'unknown-type':
      return `nuk u njoh asnjë ${issue.field === 'activityTypes' ? 'lloj aktiviteti' : 'lloj fokusi'} në «${issue.value}»; mbahet si tekst`;
    case 'unknown-scope':
      return `shtrirja «${issue.value}» nuk kuptohet: shkruani «kombëtare» ose «vendore»`;
    case 'wrong-county':
      return `${issue.municipality} është në qarkun ${issue.county}, jo në ${listWords(issue.named, 'ose')}`;
    case 'nationwide-and-places': {
      const named = [...issue.counties.map((name) => `qarkun ${name}`), ...issue.municipalities];
      return `shënohet kombëtare, por përmend edhe ${named.join(', ')}: regjistrohet si kombëtare`;
    }
    case 'no-place':
      return 'nuk përmend asnjë vend: jepni një qark, bashki ose vendndodhje, ose shënojeni si kombëtare';
    case 'not-a-number':
      return `${issue.axis === 'latitude' ? 'gjerësia gjeografike' : 'gjatësia gjeografike'} «${issue.value}» nuk është numër`;
    case 'half-coordinates':
      return issue.given === 'latitude'
        ? 'gjerësi gjeografike pa gjatësi gjeografike'
        : 'gjatësi gjeografike pa gjerësi gjeografike';
    case 'outside-country':
      return `koordinatat ${issue.lat}, ${issue.lon} (gjerësi, gjatësi) janë jashtë vendit (${issue.country})${issue.swapped ? '; gjerësia dhe gjatësia duken të ngatërruara' : ''}`;
    case 'not-a-date':
      return issue.monthFirst
        ? `«${issue.value}» nuk është datë e lexuar me ditën përpara: duket me muajin përpara (MM/DD/YYYY); shkruani YYYY-MM-DD ose DD/MM/YYYY`
        : `«${issue.value}» nuk është datë (shkruani YYYY-MM-DD, DD/MM/YYYY ose DD.MM.YYYY)`;
    case 'ambiguous-date':
      return `«${issue.value}» lexohet me ditën përpara, si ${issue.iso}; nëse tabela e shkruan muajin përpara, shkruajini datat si YYYY-MM-DD (thuhet një herë, për datën e parë të tillë)`;
    case 'ends-before-start':
      return `përfundon (${issue.end}) para se të fillojë (${issue.start})`;
    case 'website':
      return `faqja e internetit: ${issue.problem}`;
    case 'name-empty':
      return 'emri i organizatës është bosh';
    case 'duplicate':
      return `përsërit rreshtin ${issue.firstLine}`;
    case 'acronym-several':
      return `akronimi përputhet me disa organizata (${issue.names.join(', ')}); lexohet si organizatë e re`;
    case 'near-miss':
      return `«${issue.name}» nuk është në të dhëna: mos keni parasysh «${issue.near}»? Lexohet si organizatë e re; nëse është e njëjta, korrigjoni emrin në skedar`;
    case 'other-sheets':
      return `libri i punës ka ${issue.others.length + 1} fletë me të dhëna: lexohet vetëm e para, «${issue.read}» (jo ${issue.others.map((name) => `«${name}»`).join(', ')})`;
  }
}

const CHANGE_FIELD_SQ: Readonly<Record<ImportChange['field'], string>> = {
  scope: 'shtrirja',
  kind: 'lloji',
  counties: 'qarqet',
  municipalities: 'bashkitë',
  activityTypes: 'llojet e aktiviteteve',
  focusTypes: 'llojet e fokusit',
};
const SCOPE_SQ = { local: 'vendore', national: 'kombëtare' } as const;

function changeText(
  change: ImportChange,
  fields: Readonly<Record<ImportChange['field'], string>>,
  scopeWord: (scope: 'local' | 'national') => string,
): string {
  const what = fields[change.field];
  if (change.field === 'scope') {
    return `${what}: ${scopeWord(change.from)} → ${scopeWord(change.to)}`;
  }
  if (change.field === 'kind') return `${what}: ${change.from} → ${change.to}`;
  const lists = [
    change.added.length > 0 ? `+ ${change.added.join(', ')}` : null,
    change.removed.length > 0 ? `− ${change.removed.join(', ')}` : null,
  ].filter((list) => list !== null);
  return `${what}: ${lists.join('; ')}`;
}

const SAVE_AS_EN =
  'open it in Excel (or LibreOffice) and save it as an Excel Workbook (.xlsx) or CSV';
const SAVE_AS_SQ =
  'hapeni në Excel (ose LibreOffice) dhe ruajeni si libër pune Excel (.xlsx) ose CSV';

function sourceFailureEn(failure: ImportSourceFailure): string {
  switch (failure.code) {
    case 'too-large':
      return `${failure.fileName} is ${failure.megabytes.toFixed(1)} MB; at most ${failure.max} MB can be imported`;
    case 'empty':
      return `${failure.fileName} is empty`;
    case 'ods':
      return `${failure.fileName} is an OpenDocument spreadsheet (.ods), which cannot be imported: ${SAVE_AS_EN}`;
    case 'encrypted':
      return `${failure.fileName} is password-protected, so it cannot be read: open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it), save, and import it again`;
    case 'xls':
      return `${failure.fileName} is ${failure.named ? 'named as ' : ''}an Excel 97–2003 workbook (.xls), which is not supported: ${SAVE_AS_EN}`;
    case 'not-a-workbook':
      return `${failure.fileName} is named as an Excel workbook (.${failure.extension}) but is not one (a workbook is a ZIP archive)${failure.holdsText ? ': it holds text, so if it is a CSV file, rename it to .csv' : ''}`;
    case 'unpacks-too-large':
      return `${failure.fileName} unpacks to ${failure.megabytes === null ? 'more than 4 GB' : `${failure.megabytes.toFixed(0)} MB`}; at most ${failure.max} MB can be imported: save the sheet you need on its own, as .xlsx or CSV`;
    case 'damaged-zip':
      return `${failure.fileName} cannot be read as an Excel workbook: the file is damaged or incomplete (its ZIP archive does not open); ${SAVE_AS_EN} again`;
    case 'zip-not-workbook':
      return `${failure.fileName} is a ZIP archive but not an Excel workbook (it holds no workbook.xml); import a .xlsx or CSV file`;
    case 'damaged-workbook':
      return `${failure.fileName} cannot be read as an Excel workbook: it is damaged (${failure.detail}); ${SAVE_AS_EN} again`;
    case 'no-data':
      return `${failure.fileName} has no data: ${failure.sheets === 1 ? 'its worksheet is empty' : `all ${failure.sheets} of its worksheets are empty`}`;
    case 'undecodable':
      return failure.message;
  }
}

const decimalSq = (value: number, digits: number) => value.toFixed(digits).replace('.', ',');

function sourceFailureSq(failure: ImportSourceFailure): string {
  switch (failure.code) {
    case 'too-large':
      return `${failure.fileName} është ${decimalSq(failure.megabytes, 1)} MB; mund të importohen të shumtën ${failure.max} MB`;
    case 'empty':
      return `${failure.fileName} është bosh`;
    case 'ods':
      return `${failure.fileName} është fletëllogaritëse OpenDocument (.ods), e cila nuk mund të importohet: ${SAVE_AS_SQ}`;
    case 'encrypted':
      return `${failure.fileName} është i mbrojtur me fjalëkalim, ndaj nuk mund të lexohet: hapeni në Excel, hiqni fjalëkalimin (File › Info › Protect Workbook › Encrypt with Password, pastrojeni), ruajeni dhe importojeni sërish`;
    case 'xls':
      return `${failure.fileName} ${failure.named ? 'është emërtuar si' : 'është'} libër pune Excel 97–2003 (.xls), i cili nuk mbështetet: ${SAVE_AS_SQ}`;
    case 'not-a-workbook':
      return `${failure.fileName} është emërtuar si libër pune Excel (.${failure.extension}), por nuk është i tillë (një libër pune është arkiv ZIP)${failure.holdsText ? ': përmban tekst, ndaj nëse është skedar CSV, riemërtojeni në .csv' : ''}`;
    case 'unpacks-too-large':
      return `${failure.fileName} shpaketohet në ${failure.megabytes === null ? 'më shumë se 4 GB' : `${decimalSq(failure.megabytes, 0)} MB`}; mund të importohen të shumtën ${failure.max} MB: ruajeni më vete fletën që ju nevojitet, si .xlsx ose CSV`;
    case 'damaged-zip':
      return `${failure.fileName} nuk mund të lexohet si libër pune Excel: skedari është i dëmtuar ose i paplotë (arkivi i tij ZIP nuk hapet); ${SAVE_AS_SQ} sërish`;
    case 'zip-not-workbook':
      return `${failure.fileName} është arkiv ZIP, por jo libër pune Excel (nuk përmban workbook.xml); importoni një skedar .xlsx ose CSV`;
    case 'damaged-workbook':
      return `${failure.fileName} nuk mund të lexohet si libër pune Excel: është i dëmtuar (${failure.detail}); ${SAVE_AS_SQ} sërish`;
    case 'no-data':
      return `${failure.fileName} nuk ka të dhëna: ${failure.sheets === 1 ? 'fleta e tij është bosh' : `të ${failure.sheets} fletët e tij janë bosh`}`;
    case 'undecodable':
      return failure.message;
  }
}

function applyFailureEn(failure: ImportChangesFailure): string {
  switch (failure.code) {
    case 'errors': {
      const [only] = failure.lines;
      const lines =
        failure.lines.length === 1 ? `line ${only}` : `lines ${failure.lines.join(', ')}`;
      return `${lines} ${failure.lines.length === 1 ? 'has' : 'have'} errors: fix them in the file, or skip them`;
    }
    case 'unknown-kind':
      return `unknown organisation kind "${failure.kind}"`;
    case 'missing-kind': {
      const n = failure.names.length;
      return `${n === 1 ? 'a new organisation has' : `${n} new organisations have`} no kind (${failure.names.slice(0, 5).join(', ')}${n > 5 ? ', …' : ''}): choose the kind to give them`;
    }
  }
}

function applyFailureSq(failure: ImportChangesFailure): string {
  switch (failure.code) {
    case 'errors':
      return failure.lines.length === 1
        ? `rreshti ${failure.lines[0]} ka gabime: korrigjojeni në skedar ose anashkalojeni`
        : `rreshtat ${failure.lines.join(', ')} kanë gabime: korrigjojini në skedar ose anashkalojini`;
    case 'unknown-kind':
      return `lloj organizate i panjohur «${failure.kind}»`;
    case 'missing-kind': {
      const n = failure.names.length;
      return `${n === 1 ? 'një organizatë e re nuk ka' : `${n} organizata të reja nuk kanë`} lloj (${failure.names.slice(0, 5).join(', ')}${n > 5 ? ', …' : ''}): zgjidhni llojin që do t’u jepet`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Boundary files

/** Capitalised, with a full stop unless it ends in a question mark. */
function sentence(text: string): string {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[?.]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

const foundEn = (found: string | null) => (found === null ? 'the end of the file' : `'${found}'`);
const foundSq = (found: string | null) => (found === null ? 'fundi i skedarit' : `'${found}'`);

function jsonEn(problem: JsonSyntaxProblem): string {
  switch (problem.code) {
    case 'unclosed-string':
      return 'a text value in double quotes is never closed';
    case 'bad-escape':
      return 'a backslash starts an unknown escape';
    case 'control-character':
      return 'a control character (such as a line break) inside a text value';
    case 'too-deep':
      return 'the values are nested too deeply';
    case 'expected-name':
      return `expected a property name in double quotes, found ${foundEn(problem.found)}`;
    case 'expected-colon':
      return `expected ':' after a property name, found ${foundEn(problem.found)}`;
    case 'expected-comma':
      return `expected ',' or '${problem.close}' after ${problem.close === '}' ? 'a property value' : 'an array element'}, found ${foundEn(problem.found)}`;
    case 'bad-number':
      return 'a number is written wrongly';
    case 'expected-value':
      return `expected a value, found ${foundEn(problem.found)}`;
    case 'trailing':
      return `unexpected ${foundEn(problem.found)} after the end of the JSON`;
  }
}

function jsonSq(problem: JsonSyntaxProblem): string {
  switch (problem.code) {
    case 'unclosed-string':
      return 'një vlerë teksti në thonjëza nuk mbyllet kurrë';
    case 'bad-escape':
      return 'një vijë e pjerrët mbrapsht nis një sekuencë të panjohur';
    case 'control-character':
      return 'një karakter kontrolli (si kalimi në rresht të ri) brenda një vlere teksti';
    case 'too-deep':
      return 'vlerat janë të mbivendosura shumë thellë';
    case 'expected-name':
      return `pritej emri i një vetie në thonjëza, u gjet ${foundSq(problem.found)}`;
    case 'expected-colon':
      return `pritej ':' pas emrit të vetisë, u gjet ${foundSq(problem.found)}`;
    case 'expected-comma':
      return `pritej ',' ose '${problem.close}' pas ${problem.close === '}' ? 'vlerës së një vetie' : 'një elementi të vargut'}, u gjet ${foundSq(problem.found)}`;
    case 'bad-number':
      return 'një numër është shkruar gabim';
    case 'expected-value':
      return `pritej një vlerë, u gjet ${foundSq(problem.found)}`;
    case 'trailing':
      return `u gjet ${foundSq(problem.found)} pas fundit të JSON-it`;
  }
}

function featureProblemEn(problem: FeatureProblem): string {
  switch (problem.code) {
    case 'not-a-feature':
      return 'is not a GeoJSON Feature';
    case 'no-geometry':
      return 'has no geometry';
    case 'geometry-without-type':
      return 'has a geometry without a type';
    case 'not-an-area':
      return `is ${problem.known ? `a ${problem.type}` : `"${problem.type}"`}: only Polygon and MultiPolygon areas can be drawn`;
    case 'too-small':
      return 'is too small to draw (its rings collapse at 1e-5° precision)';
    case 'broken':
      return `has a broken geometry (${problem.missing} missing)`;
    case 'no-rings':
      return 'has a polygon without rings';
    case 'bad-position':
      return 'has a broken geometry (a position is not [longitude, latitude])';
    case 'bad-coordinate':
      return 'has a broken geometry (a coordinate is not a number)';
    case 'projected':
      return 'has coordinates that look projected (metres), not longitude and latitude';
    case 'swapped':
      return 'has coordinates in latitude, longitude order (GeoJSON wants longitude first)';
    case 'outside':
      return `lies outside ${problem.country}`;
  }
}

const MISSING_SQ = { polygons: 'poligonet', rings: 'unazat', positions: 'pozicionet' } as const;

function featureProblemSq(problem: FeatureProblem): string {
  switch (problem.code) {
    case 'not-a-feature':
      return 'nuk është objekt GeoJSON (Feature)';
    case 'no-geometry':
      return 'nuk ka gjeometri';
    case 'geometry-without-type':
      return 'ka një gjeometri pa lloj';
    case 'not-an-area':
      return `${problem.known ? `është i llojit ${problem.type}` : `ka llojin «${problem.type}»`}: vizatohen vetëm sipërfaqe Polygon dhe MultiPolygon`;
    case 'too-small':
      return 'është shumë i vogël për t’u vizatuar (unazat e tij shemben në saktësinë 1e-5°)';
    case 'broken':
      return `ka një gjeometri të prishur (mungojnë ${MISSING_SQ[problem.missing]})`;
    case 'no-rings':
      return 'ka një poligon pa unaza';
    case 'bad-position':
      return 'ka një gjeometri të prishur (një pozicion nuk është [gjatësi, gjerësi])';
    case 'bad-coordinate':
      return 'ka një gjeometri të prishur (një koordinatë nuk është numër)';
    case 'projected':
      return 'ka koordinata që duken të projektuara (metra), jo gjatësi dhe gjerësi gjeografike';
    case 'swapped':
      return 'ka koordinata në rendin gjerësi, gjatësi (GeoJSON do gjatësinë përpara)';
    case 'outside':
      return `ndodhet jashtë vendit (${problem.country})`;
  }
}

function boundaryFailureEn(failure: BoundaryFailure, f: string): string {
  switch (failure.code) {
    case 'too-large':
      return `${f} is larger than ${failure.megabytes} MB: export the municipalities only, or simplify the shapes (e.g. with mapshaper) first.`;
    case 'empty':
      return `${f} is empty.`;
    case 'not-text':
      return `${f} is not a text file: choose a GeoJSON file (.geojson or .json).`;
    case 'invalid-json':
      return `${f} is not valid JSON: ${failure.detail}.`;
    case 'invalid-json-at':
      return `${f} is not valid JSON: ${jsonEn(failure.problem)} (line ${failure.line}, column ${failure.column}).`;
    case 'json-array':
      return `${f} holds a JSON array, not GeoJSON: export a FeatureCollection of the municipalities.`;
    case 'json-value':
      return `${f} holds a single JSON value, not GeoJSON: export a FeatureCollection of the municipalities.`;
    case 'topojson':
      return `${f} is TopoJSON, not GeoJSON: convert it to GeoJSON first (e.g. \`npx mapshaper file.topojson -o format=geojson\`, or topojson-client’s \`topo2geo\`).`;
    case 'no-features-list':
      return `${f} is a FeatureCollection without a "features" list.`;
    case 'bare-geometry':
      return `${f} holds a bare ${failure.type}: geometries without properties have no name to match. Export a FeatureCollection with one feature (and its name) per municipality.`;
    case 'not-geojson':
      return `${f} is JSON but not GeoJSON (no FeatureCollection "type"): export the municipalities as GeoJSON.`;
    case 'no-features':
      return `${f} holds no features.`;
    case 'too-many-features':
      return `${f} holds ${formatNumber('en', failure.features)} features; a file of municipalities has about ${failure.municipalities}. Export the municipalities (second-level areas) only.`;
    case 'no-areas': {
      const example = failure.example
        ? ` (feature ${failure.example.feature} ${featureProblemEn(failure.example.problem)})`
        : '';
      return `${f}: no feature has a usable Polygon or MultiPolygon geometry${example}; Harta needs the municipalities’ areas.`;
    }
    case 'projected': {
      const example = failure.sample
        ? ` (e.g. x = ${failure.sample[0]}, y = ${failure.sample[1]}`
        : ' (';
      return `${f}: coordinates look projected (metres); export the file in WGS 84 / EPSG:4326${example}${failure.crs ? `; the file declares ${failure.crs}` : ''}).`;
    }
    case 'swapped-file':
      return `${f}: the coordinates are in latitude, longitude order; GeoJSON wants longitude first. Export the file again in WGS 84 / EPSG:4326 (longitude, latitude).`;
    case 'elsewhere': {
      const [west, south, east, north] = failure.extent;
      return `${f}: no feature lies in or near ${failure.country}; the file covers longitude ${west} to ${east}, latitude ${south} to ${north}.`;
    }
  }
}

function boundaryFailureSq(failure: BoundaryFailure, f: string): string {
  switch (failure.code) {
    case 'too-large':
      return `${f} është më i madh se ${failure.megabytes} MB: eksportoni vetëm bashkitë, ose thjeshtoni fillimisht format (p.sh. me mapshaper).`;
    case 'empty':
      return `${f} është bosh.`;
    case 'not-text':
      return `${f} nuk është skedar teksti: zgjidhni një skedar GeoJSON (.geojson ose .json).`;
    case 'invalid-json':
      return `${f} nuk është JSON i vlefshëm: ${failure.detail}.`;
    case 'invalid-json-at':
      return `${f} nuk është JSON i vlefshëm: ${jsonSq(failure.problem)} (rreshti ${failure.line}, kolona ${failure.column}).`;
    case 'json-array':
      return `${f} përmban një varg JSON, jo GeoJSON: eksportoni një FeatureCollection të bashkive.`;
    case 'json-value':
      return `${f} përmban një vlerë të vetme JSON, jo GeoJSON: eksportoni një FeatureCollection të bashkive.`;
    case 'topojson':
      return `${f} është TopoJSON, jo GeoJSON: shndërrojeni fillimisht në GeoJSON (p.sh. \`npx mapshaper file.topojson -o format=geojson\`, ose \`topo2geo\` i topojson-client).`;
    case 'no-features-list':
      return `${f} është një FeatureCollection pa listën «features».`;
    case 'bare-geometry':
      return `${f} përmban vetëm një ${failure.type}: gjeometritë pa veti nuk kanë emër për t’u përputhur. Eksportoni një FeatureCollection me një objekt (dhe emrin e tij) për çdo bashki.`;
    case 'not-geojson':
      return `${f} është JSON, por jo GeoJSON (pa «type» FeatureCollection): eksportoni bashkitë si GeoJSON.`;
    case 'no-features':
      return `${f} nuk përmban asnjë objekt.`;
    case 'too-many-features':
      return `${f} përmban ${formatNumber('sq', failure.features)} objekte; një skedar bashkish ka rreth ${failure.municipalities}. Eksportoni vetëm bashkitë (njësitë e nivelit të dytë).`;
    case 'no-areas': {
      const example = failure.example
        ? ` (objekti ${failure.example.feature} ${featureProblemSq(failure.example.problem)})`
        : '';
      return `${f}: asnjë objekt nuk ka gjeometri të përdorshme Polygon ose MultiPolygon${example}; Harta ka nevojë për sipërfaqet e bashkive.`;
    }
    case 'projected': {
      const example = failure.sample
        ? ` (p.sh. x = ${failure.sample[0]}, y = ${failure.sample[1]}`
        : ' (';
      return `${f}: koordinatat duken të projektuara (metra); eksportojeni skedarin në WGS 84 / EPSG:4326${example}${failure.crs ? `; skedari deklaron ${failure.crs}` : ''}).`;
    }
    case 'swapped-file':
      return `${f}: koordinatat janë në rendin gjerësi, gjatësi; GeoJSON do gjatësinë përpara. Eksportojeni sërish skedarin në WGS 84 / EPSG:4326 (gjatësi, gjerësi).`;
    case 'elsewhere': {
      const [west, south, east, north] = failure.extent;
      return `${f}: asnjë objekt nuk ndodhet brenda ose pranë vendit (${failure.country}); skedari mbulon gjatësinë ${west} deri ${east}, gjerësinë ${south} deri ${north}.`;
    }
  }
}

function boundaryWarningEn(warning: BoundaryWarning): string {
  switch (warning.code) {
    case 'single-feature':
      return `${warning.fileName} holds a single Feature, not a FeatureCollection: it is read as one municipality.`;
    case 'outside':
      return `${warning.count} ${warning.count === 1 ? 'feature lies' : 'features lie'} outside ${warning.country} and will not be drawn.`;
    case 'simplified':
      return `The shapes were simplified (tolerance ≈ ${warning.metres} m) so the copy kept in this browser stays small: ${formatNumber('en', warning.before)} → ${formatNumber('en', warning.after)} points.`;
    case 'no-name-property':
      return 'Pick the property that holds the municipality names: no property was recognised.';
    case 'unknown-codes':
      return `No value of "${warning.property}" is a code Harta knows (LAU codes such as ${warning.example}): features are matched by name.`;
    case 'counties-file':
      return 'Most features name counties (qarqe): this looks like a file of counties. Harta needs one feature per municipality (bashki, second-level areas).';
  }
}

function boundaryWarningSq(warning: BoundaryWarning): string {
  switch (warning.code) {
    case 'single-feature':
      return `${warning.fileName} përmban një objekt të vetëm (Feature), jo një FeatureCollection: lexohet si një bashki.`;
    case 'outside':
      return `${warning.count} ${warning.count === 1 ? 'objekt ndodhet' : 'objekte ndodhen'} jashtë vendit (${warning.country}) dhe nuk do të vizatohen.`;
    case 'simplified':
      return `Format u thjeshtuan (toleranca ≈ ${warning.metres} m) që kopja e ruajtur në këtë shfletues të mbetet e vogël: ${formatNumber('sq', warning.before)} → ${formatNumber('sq', warning.after)} pika.`;
    case 'no-name-property':
      return 'Zgjidhni vetinë që mban emrat e bashkive: nuk u njoh asnjë veti.';
    case 'unknown-codes':
      return `Asnjë vlerë e «${warning.property}» nuk është kod që Harta njeh (kode LAU si ${warning.example}): objektet përputhen sipas emrit.`;
    case 'counties-file':
      return 'Shumica e objekteve emërtojnë qarqe: ky duket si skedar qarqesh. Harta ka nevojë për një objekt për çdo bashki (njësitë e nivelit të dytë).';
  }
}

function namePartEn(part: NameReadPart): string {
  switch (part.code) {
    case 'resolver':
      return part.note;
    case 'read-as':
      return `"${part.name}" read as ${part.official}`;
    case 'via':
      return `through the settlement ${part.settlements.join(', ')}: is this a file of administrative units rather than municipalities?`;
    case 'not-read':
      return `not read: ${part.ignored.join(', ')}`;
  }
}

function namePartSq(part: NameReadPart): string {
  switch (part.code) {
    case 'resolver':
      return part.note;
    case 'read-as':
      return `«${part.name}» u lexua si ${part.official}`;
    case 'via':
      return `nëpërmjet vendbanimit ${part.settlements.join(', ')}: mos është ky skedar njësish administrative në vend të bashkive?`;
    case 'not-read':
      return `nuk u lexua: ${part.ignored.join(', ')}`;
  }
}

function boundaryNoteEn(note: BoundaryNote): string {
  switch (note.code) {
    case 'by-code':
      return `Matched by code ${note.value} (${note.official})${note.nameReadsAs ? `; the name reads as ${note.nameReadsAs}` : ''}.`;
    case 'county-code':
      return `Code ${note.value} is the county ${note.county}, not a municipality.`;
    case 'name-read':
      return sentence(note.parts.map(namePartEn).join('; '));
    case 'county-name':
      return `Names the county ${note.county}, not a municipality.`;
    case 'ambiguous':
      return `Could be ${note.candidates.join(' or ')}: pick one.`;
    case 'whole-country':
      return 'Names the whole country, not a municipality.';
    case 'no-name-property':
      return 'No name property is chosen.';
    case 'no-value':
      return `Has no value in "${note.property}".`;
    case 'unknown':
      return note.suggestions.length > 0
        ? `Unknown municipality "${note.name}": did you mean ${note.suggestions.join(' or ')}?`
        : `Unknown municipality "${note.name}".`;
    case 'left-out':
      return 'Left out by you.';
    case 'chosen':
      return 'Chosen by you.';
    case 'not-drawn':
      return `Not drawn: the feature ${note.problem ? featureProblemEn(note.problem) : 'has no usable geometry'}.`;
    case 'also-matched':
      return `Also matched by feature ${note.others.map((other) => `${other.number} ("${other.name}")`).join(', ')}: all are drawn as parts of ${note.municipality}; leave out the wrong ones.`;
  }
}

function boundaryNoteSq(note: BoundaryNote): string {
  switch (note.code) {
    case 'by-code':
      return `U përputh sipas kodit ${note.value} (${note.official})${note.nameReadsAs ? `; emri lexohet si ${note.nameReadsAs}` : ''}.`;
    case 'county-code':
      return `Kodi ${note.value} është qarku ${note.county}, jo një bashki.`;
    case 'name-read':
      return sentence(note.parts.map(namePartSq).join('; '));
    case 'county-name':
      return `Emërton qarkun ${note.county}, jo një bashki.`;
    case 'ambiguous':
      return `Mund të jetë ${note.candidates.join(' ose ')}: zgjidhni njërën.`;
    case 'whole-country':
      return 'Emërton të gjithë vendin, jo një bashki.';
    case 'no-name-property':
      return 'Nuk është zgjedhur veti emri.';
    case 'no-value':
      return `Nuk ka vlerë në «${note.property}».`;
    case 'unknown':
      return note.suggestions.length > 0
        ? `Bashki e panjohur «${note.name}»: mos keni parasysh ${note.suggestions.join(' ose ')}?`
        : `Bashki e panjohur «${note.name}».`;
    case 'left-out':
      return 'E latë jashtë ju.';
    case 'chosen':
      return 'E zgjodhët ju.';
    case 'not-drawn':
      return `Nuk vizatohet: objekti ${note.problem ? featureProblemSq(note.problem) : 'nuk ka gjeometri të përdorshme'}.`;
    case 'also-matched':
      return `Përputhet edhe me objektin ${note.others.map((other) => `${other.number} («${other.name}»)`).join(', ')}: të gjithë vizatohen si pjesë të ${note.municipality}; lini jashtë ata që janë gabim.`;
  }
}

const skippedEn = (skipped: Counted) =>
  skipped.n > 0 ? `; skipped ${skipped.n === 1 ? 'line' : 'lines'} ${skipped.text}` : '';
const skippedSq = (skipped: Counted) =>
  skipped.n > 0
    ? `; u anashkal${skipped.n === 1 ? 'u rreshti' : 'ën rreshtat'} ${skipped.text}`
    : '';

/** Import wizard and boundary import. */
export const importsEn = {
  // The 3W import wizard
  'import.title': 'Import a 3W sheet',
  'import.intro':
    'CSV (comma, semicolon or tab; UTF-8, Windows-1250/1252) or Excel .xlsx, with HXL hashtags or plain headers (Organisation, Bashkia, Qark, …). You see every change before anything is applied.',
  'import.chooseFile': 'Choose a file…',
  'import.reading': 'Reading the file…',
  'import.previousStillShown': ' The file previewed before is still shown.',
  'import.checking': (fileName: string) =>
    `Checking ${fileName}: places, activity types and organisations…`,
  'import.previewFailure': (detail: string) => `The file could not be checked: ${detail}`,
  'import.previewOf': (fileName: string) => `Preview of ${fileName}`,
  'import.worksheet.open': ' (worksheet “',
  'import.worksheet.close': '”)',
  'import.summary': (s: WizardSummary) =>
    `${count(s.rows, 'row', 'rows')}; organisations: ${s.add} to add, ${s.update} to update, ${s.unchanged} unchanged${s.withErrors.n > 0 ? `, ${s.withErrors.text} with errors` : ''}; ${count(s.errors, 'error', 'errors')}, ${count(s.warnings, 'warning', 'warnings')}.`,
  'import.fieldName': (field: ImportField) => FIELD_NAMES_EN[field],
  'import.issue': (issue: ImportIssue) => issueEn(issue),
  'import.change': (change: ImportChange) =>
    changeText(change, CHANGE_FIELD_NOTE, (scope) => scope),
  'import.sourceFailure': (failure: ImportSourceFailure) => sourceFailureEn(failure),
  'import.applyFailure': (failure: ImportChangesFailure) => applyFailureEn(failure),
  'import.columns.caption': 'How the columns are read',
  'import.columns.column': 'Column',
  'import.columns.readAs': 'Read as',
  'import.columns.numbered': (n: string) => `Column ${n}`,
  'import.columns.ignored': '(ignored)',
  'import.columns.confirm': 'The columns are read right',
  'import.columns.checkFirst': 'Check each column first: the rows are read by this.',
  'import.mode.legend': 'For organisations already in the data, the sheet lists',
  'import.mode.replace': 'everything they do: places and types it leaves out are removed',
  'import.mode.add': 'new work only: nothing is removed',
  'import.errors': 'Errors',
  'import.warnings': 'Warnings',
  'import.problemLine': (line: string) => `Line ${line}`,
  'import.moreProblems': (more: string) => `… and ${more} more (the command line lists them all:`,
  'import.rows.onlyErrors': 'Only rows with errors',
  'import.rows.caption': 'Rows of the file',
  'import.rows.line': 'Line',
  'import.rows.organisation': 'Organisation',
  'import.rows.action': 'Action',
  'import.rows.where': 'Where',
  'import.rows.changes': 'What changes',
  'import.rows.add': 'Add',
  'import.rows.update': 'Update',
  'import.rows.unchanged': 'Unchanged',
  'import.rows.error': 'Error',
  'import.rows.nationwide': 'Nationwide',
  'import.rows.county': (name: string) => `${name} county`,
  'import.rows.showing': (shown: string, total: string) =>
    `Showing the first ${shown} of ${total} rows; applying takes all of them.`,
  'import.apply.legend': 'Apply',
  'import.apply.skipErrors':
    'Skip the rows with errors (and the other rows of those organisations)',
  'import.apply.defaultKind': 'Kind for new organisations the sheet gives none:',
  'import.apply.chooseKind': 'Choose…',
  'import.apply.button': (add: string, update: string) => `Apply: add ${add}, update ${update}`,
  'import.cancel': 'Cancel',
  'import.outcome.nothing': (o: ImportOutcome) =>
    `Nothing to change: ${count(o.unchanged, 'organisation', 'organisations')} already as in the data${skippedEn(o.skipped)}.`,
  'import.outcome.done': (o: ImportOutcome) =>
    `Imported ${o.fileName}: ${o.added} added, ${o.updated} updated, ${o.unchanged.text} unchanged${skippedEn(o.skipped)}. Undo puts everything back.`,

  // Municipal boundaries
  'boundaries.failure': (failure: BoundaryFailure, fileName: string) =>
    boundaryFailureEn(failure, fileName),
  'boundaries.warning': (warning: BoundaryWarning) => boundaryWarningEn(warning),
  'boundaries.notes': (notes: readonly BoundaryNote[]) => notes.map(boundaryNoteEn).join(' '),
  'boundaries.jsonProblem': (problem: JsonSyntaxProblem) => jsonEn(problem),
  'boundaries.title': 'Municipal boundaries',
  'boundaries.intro': (municipalities: string) =>
    `Load a GeoJSON file of the ${municipalities} municipalities (e.g. from the national geoportal, or an HDX or geoBoundaries ADM2 file), in WGS 84 / EPSG:4326. The map then shades each municipality instead of drawing a circle at its seat. The file stays on this computer.`,
  'boundaries.loaded': 'Loaded:',
  'boundaries.loadedCount': (c: Counted) => `${count(c, 'municipality', 'municipalities')}.`,
  'boundaries.remove': 'Remove loaded boundaries',
  'boundaries.fileLabel': 'GeoJSON file of municipalities',
  'boundaries.nothingChanged': ' Nothing was changed.',
  'boundaries.reading': (fileName: string) => `Reading ${fileName}…`,
  'boundaries.read': (fileName: string, c: BoundaryCounts) =>
    `${fileName}: ${count(c.features, 'feature', 'features')}, ${count(c.municipalities, 'municipality', 'municipalities')} matched. Check the preview, then apply or cancel.`,
  'boundaries.applied': (fileName: string, c: Counted) =>
    `Boundaries from ${fileName} applied: ${count(c, 'municipality', 'municipalities')} shaded on the map.`,
  'boundaries.cancelled': 'Cancelled: nothing changed.',
  'boundaries.removed': (fileName: string) =>
    `The boundaries from ${fileName} were removed: the map shows a circle per municipality again.`,
  'boundaries.none': '(none)',
  'boundaries.property': (key: string, samples: readonly string[]) =>
    samples.length > 0 ? `${key} (e.g. ${samples.join(', ')})` : `${key} (empty)`,
  'boundaries.previewOf': 'Preview of',
  'boundaries.nameProperty': 'Name property',
  'boundaries.codeProperty': 'Code property',
  'boundaries.summary': 'Summary',
  // The noun the count in bold before it qualifies (English words need no agreement).
  'boundaries.count.matched': (_n: number) => 'matched',
  'boundaries.count.unmatched': (_n: number) => 'not matched',
  'boundaries.count.counties': (c: Counted) => ` (${count(c, 'county', 'counties')})`,
  'boundaries.count.duplicates': (_n: number) => 'duplicates',
  'boundaries.count.skipped': (_n: number) => 'not drawable',
  'boundaries.count.leftOut': (_n: number) => 'left out',
  'boundaries.count.missing': 'municipalities with no feature',
  'boundaries.missing': (n: string) => `Municipalities with no feature (${n})`,
  'boundaries.missingKeep': '. They keep their circle at the seat.',
  'boundaries.aboutFile': 'About this file',
  'boundaries.featuresOf': 'Features of',
  'boundaries.firstOf': (shown: string, total: string) => ` (the first ${shown} of ${total})`,
  'boundaries.col.name': 'Name in the file',
  'boundaries.col.code': 'Code',
  'boundaries.col.municipality': 'Municipality',
  'boundaries.col.status': 'Status',
  'boundaries.col.notes': 'Notes',
  'boundaries.apply': (c: Counted) => `Apply: shade ${count(c, 'municipality', 'municipalities')}`,
  'boundaries.cancel': 'Cancel',
  'boundaries.feature': (number: string, name: string) =>
    `feature ${number}${name ? ` (${name})` : ''}`,
  'boundaries.noName': '(no name)',
  'boundaries.municipalityFor': (feature: string) => `Municipality for ${feature}`,
  'boundaries.notDrawnOption': '— not drawn —',
  'boundaries.changeFor': (feature: string) => `Change the municipality for ${feature}`,
  'boundaries.change': 'Change',
  'boundaries.useFor': (name: string, number: string) => `Use ${name} for feature ${number}`,
  'boundaries.use': (name: string) => `Use ${name}`,
  'boundaries.status.matched': 'Matched',
  'boundaries.status.duplicate': 'Duplicate',
  'boundaries.status.county': 'A county',
  'boundaries.status.unmatched': 'Not matched',
  'boundaries.status.ambiguous': 'Ambiguous',
  'boundaries.status.skipped': 'Not drawn',
  'boundaries.status.left-out': 'Left out',
} as const;

export const importsSq: TranslationOf<typeof importsEn> = {
  'import.title': 'Importo një tabelë 3W',
  'import.intro':
    'CSV (me presje, pikëpresje ose tabulator; UTF-8, Windows-1250/1252) ose Excel .xlsx, me etiketa HXL ose me tituj të thjeshtë kolonash (Organizata, Bashkia, Qarku, …). Çdo ndryshim shihet para se të zbatohet diçka.',
  'import.chooseFile': 'Zgjidh një skedar…',
  'import.reading': 'Po lexohet skedari…',
  'import.previousStillShown': ' Skedari që u pa më parë në parapamje shfaqet ende.',
  'import.checking': (fileName) =>
    `Po kontrollohet ${fileName}: vendet, llojet e veprimtarive dhe organizatat…`,
  'import.previewFailure': (detail) => `Skedari nuk u kontrollua dot: ${detail}`,
  'import.previewOf': (fileName) => `Parapamja e ${fileName}`,
  'import.worksheet.open': ' (fleta «',
  'import.worksheet.close': '»)',
  'import.summary': (s) =>
    `${count(s.rows, 'rresht', 'rreshta')}; organizata: ${s.add} për t’u shtuar, ${s.update} për t’u përditësuar, ${s.unchanged} pa ndryshim${s.withErrors.n > 0 ? `, ${s.withErrors.text} me gabime` : ''}; ${count(s.errors, 'gabim', 'gabime')}, ${count(s.warnings, 'paralajmërim', 'paralajmërime')}.`,
  'import.fieldName': (field) => FIELD_NAMES_SQ[field],
  'import.issue': (issue) => issueSq(issue),
  'import.change': (change) => changeText(change, CHANGE_FIELD_SQ, (scope) => SCOPE_SQ[scope]),
  'import.sourceFailure': (failure) => sourceFailureSq(failure),
  'import.applyFailure': (failure) => applyFailureSq(failure),
  'import.columns.caption': 'Si lexohen kolonat',
  'import.columns.column': 'Kolona',
  'import.columns.readAs': 'Lexohet si',
  'import.columns.numbered': (n) => `Kolona ${n}`,
  'import.columns.ignored': '(shpërfillet)',
  'import.columns.confirm': 'Kolonat lexohen saktë',
  'import.columns.checkFirst': 'Kontrolloni fillimisht çdo kolonë: rreshtat lexohen sipas tyre.',
  'import.mode.legend': 'Për organizatat që janë tashmë në të dhëna, tabela liston',
  'import.mode.replace': 'gjithçka që bëjnë: vendet dhe llojet që nuk i përmend hiqen',
  'import.mode.add': 'vetëm punë të re: nuk hiqet asgjë',
  'import.errors': 'Gabime',
  'import.warnings': 'Paralajmërime',
  'import.problemLine': (line) => `Rreshti ${line}`,
  'import.moreProblems': (more) => `… dhe ${more} të tjera (linja e komandës i liston të gjitha:`,
  'import.rows.onlyErrors': 'Vetëm rreshtat me gabime',
  'import.rows.caption': 'Rreshtat e skedarit',
  'import.rows.line': 'Rreshti',
  'import.rows.organisation': 'Organizata',
  'import.rows.action': 'Veprimi',
  'import.rows.where': 'Ku',
  'import.rows.changes': 'Çfarë ndryshon',
  'import.rows.add': 'Shtohet',
  'import.rows.update': 'Përditësohet',
  'import.rows.unchanged': 'Pa ndryshim',
  'import.rows.error': 'Gabim',
  'import.rows.nationwide': 'Në mbarë vendin',
  'import.rows.county': (name) => `qarku ${name}`,
  'import.rows.showing': (shown, total) =>
    `Shfaqen ${shown} rreshtat e parë nga ${total}; zbatimi i merr të gjithë.`,
  'import.apply.legend': 'Zbatimi',
  'import.apply.skipErrors':
    'Anashkalo rreshtat me gabime (dhe rreshtat e tjerë të atyre organizatave)',
  'import.apply.defaultKind': 'Lloji i organizatave të reja për të cilat tabela nuk jep asnjë:',
  'import.apply.chooseKind': 'Zgjidh…',
  'import.apply.button': (add, update) => `Zbato: shto ${add}, përditëso ${update}`,
  'import.cancel': 'Anulo',
  'import.outcome.nothing': (o) =>
    `Asgjë për të ndryshuar: ${o.unchanged.text} ${o.unchanged.n === 1 ? 'organizatë është' : 'organizata janë'} tashmë si në të dhëna${skippedSq(o.skipped)}.`,
  'import.outcome.done': (o) =>
    `U importua ${o.fileName}: ${o.added} të shtuara, ${o.updated} të përditësuara, ${o.unchanged.text} pa ndryshim${skippedSq(o.skipped)}. «Zhbëj» i kthen të gjitha si ishin.`,

  'boundaries.failure': (failure, fileName) => boundaryFailureSq(failure, fileName),
  'boundaries.warning': (warning) => boundaryWarningSq(warning),
  'boundaries.notes': (notes) => notes.map(boundaryNoteSq).join(' '),
  'boundaries.jsonProblem': (problem) => jsonSq(problem),
  'boundaries.title': 'Kufijtë e bashkive',
  'boundaries.intro': (municipalities) =>
    `Ngarkoni një skedar GeoJSON me ${municipalities} bashkitë (p.sh. nga gjeoportali kombëtar, ose një skedar ADM2 nga HDX ose geoBoundaries), në WGS 84 / EPSG:4326. Pastaj harta ngjyros çdo bashki në vend që të vizatojë një rreth në qendrën e saj. Skedari mbetet në këtë kompjuter.`,
  'boundaries.loaded': 'U ngarkua:',
  'boundaries.loadedCount': (c) => `${c.text} bashki.`,
  'boundaries.remove': 'Hiq kufijtë e ngarkuar',
  'boundaries.fileLabel': 'Skedar GeoJSON i bashkive',
  'boundaries.nothingChanged': ' Nuk u ndryshua asgjë.',
  'boundaries.reading': (fileName) => `Po lexohet ${fileName}…`,
  'boundaries.read': (fileName, c) =>
    `${fileName}: ${count(c.features, 'objekt', 'objekte')}, ${count(c.municipalities, 'bashki e përputhur', 'bashki të përputhura')}. Kontrolloni parapamjen, pastaj zbatojeni ose anulojeni.`,
  'boundaries.applied': (fileName, c) =>
    `U zbatuan kufijtë nga ${fileName}: ${count(c, 'bashki e ngjyrosur', 'bashki të ngjyrosura')} në hartë.`,
  'boundaries.cancelled': 'U anulua: nuk ndryshoi asgjë.',
  'boundaries.removed': (fileName) =>
    `Kufijtë nga ${fileName} u hoqën: harta tregon sërish një rreth për çdo bashki.`,
  'boundaries.none': '(asnjë)',
  'boundaries.property': (key, samples) =>
    samples.length > 0 ? `${key} (p.sh. ${samples.join(', ')})` : `${key} (bosh)`,
  'boundaries.previewOf': 'Parapamja e',
  'boundaries.nameProperty': 'Vetia e emrit',
  'boundaries.codeProperty': 'Vetia e kodit',
  'boundaries.summary': 'Përmbledhje',
  'boundaries.count.matched': (n) => (n === 1 ? 'e përputhur' : 'të përputhura'),
  'boundaries.count.unmatched': (n) => (n === 1 ? 'e papërputhur' : 'të papërputhura'),
  'boundaries.count.counties': (c) => ` (${count(c, 'qark', 'qarqe')})`,
  'boundaries.count.duplicates': (n) => (n === 1 ? 'e përsëritur' : 'të përsëritura'),
  'boundaries.count.skipped': (n) =>
    n === 1 ? 'që nuk mund të vizatohet' : 'që nuk mund të vizatohen',
  'boundaries.count.leftOut': (n) => (n === 1 ? 'e lënë jashtë' : 'të lëna jashtë'),
  'boundaries.count.missing': 'bashki pa objekt',
  'boundaries.missing': (n) => `Bashki pa objekt (${n})`,
  'boundaries.missingKeep': '. Ato e ruajnë rrethin në qendrën e tyre.',
  'boundaries.aboutFile': 'Për këtë skedar',
  'boundaries.featuresOf': 'Objektet në',
  'boundaries.firstOf': (shown, total) => ` (${shown} të parat nga ${total})`,
  'boundaries.col.name': 'Emri në skedar',
  'boundaries.col.code': 'Kodi',
  'boundaries.col.municipality': 'Bashkia',
  'boundaries.col.status': 'Gjendja',
  'boundaries.col.notes': 'Shënime',
  'boundaries.apply': (c) => `Zbato: ngjyros ${c.text} bashki`,
  'boundaries.cancel': 'Anulo',
  'boundaries.feature': (number, name) => `objekti ${number}${name ? ` (${name})` : ''}`,
  'boundaries.noName': '(pa emër)',
  'boundaries.municipalityFor': (feature) => `Bashkia për ${feature}`,
  'boundaries.notDrawnOption': '— nuk vizatohet —',
  'boundaries.changeFor': (feature) => `Ndrysho bashkinë për ${feature}`,
  'boundaries.change': 'Ndrysho',
  'boundaries.useFor': (name, number) => `Përdor ${name} për objektin ${number}`,
  'boundaries.use': (name) => `Përdor ${name}`,
  'boundaries.status.matched': 'E përputhur',
  'boundaries.status.duplicate': 'E përsëritur',
  'boundaries.status.county': 'Qark',
  'boundaries.status.unmatched': 'E papërputhur',
  'boundaries.status.ambiguous': 'E paqartë',
  'boundaries.status.skipped': 'Nuk vizatohet',
  'boundaries.status.left-out': 'E lënë jashtë',
};
