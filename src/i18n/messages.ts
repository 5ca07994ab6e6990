/**
 * The interface's words in English and Albanian. English defines the keys; the Albanian table
 * is typed against it, so a missing or misspelled key, or a message taking other parameters,
 * is a type error. Place names never go through here: they come from the gazetteer in their
 * correct Albanian form.
 */

import type { TranslationOf } from './table';
import { chartsEn, chartsSq } from './tables/charts';
import { dataEn, dataSq } from './tables/data';
import { gapsEn, gapsSq } from './tables/gaps';
import { importsEn, importsSq } from './tables/imports';
import { mapEn, mapSq } from './tables/map';
import { overlapEn, overlapSq } from './tables/overlap';
import { plannerEn, plannerSq } from './tables/planner';
import { presenterEn, presenterSq } from './tables/presenter';

import type { Lang } from './format';

export { formatDate, formatNumber, LOCALE, type Lang } from './format';

export const LANGS: readonly Lang[] = ['en', 'sq'];

interface HeaderCounts {
  country: string;
  organisations: string;
  municipalities: string;
  counties: string;
}

/** Header, search, tabs, filters: the frame every screen shares. */
export const coreEn = {
  'app.tagline': (c: HeaderCounts) =>
    `Who does what, where, to prevent and counter violent extremism in ${c.country}: ${c.organisations} organisations, ${c.municipalities} municipalities, ${c.counties} counties`,
  'language.label': 'Language',
  'search.label': 'Find an organisation, municipality, town or village',
  'search.placeholder': 'e.g. cerrik, kukesi, Paskuqan, IDM',
  'search.results': 'Search results',
  'search.none': (query: string) => `Nothing matches “${query}”.`,
  'tabs.label': 'Panels',
  'tabs.gaps': 'Gaps',
  'tabs.overlap': 'Overlap',
  'tabs.plans': 'Plans',
  'tabs.compare': 'Compare',
  'tabs.area': 'Area',
  'tabs.organisation': 'Organisation',
  'tabs.data': 'Data',
  'tabs.backToCountry': (country: string) => `← Back to all of ${country}`,
  'filters.label': 'Filters',
  'filters.activityTypes': 'Activity types',
  'filters.focusTypes': 'Focus types',
  'filters.kinds': 'Kinds',
  'filters.scope': 'Scope',
  'filters.scope.all': 'All',
  'filters.scope.local': 'Local only',
  'filters.scope.national': 'Nationwide only',
  'filters.hotspots': 'Working in hotspots',
  'filters.text': 'Filter by text',
  'filters.textLabel': 'Filter organisations by text',
  'filters.shadeCounties': 'Shade counties',
  'filters.shade.organisations': 'Organisations',
  'filters.summary': (shown: string, total: string) => `${shown} of ${total} organisations`,
  'filters.planned': (planned: string) => ` + ${planned} planned`,
  'filters.clear': 'Clear filters',
  'localChanges.mark': (count: number, formatted: string) =>
    `Local changes: ${formatted} ${count === 1 ? 'organisation' : 'organisations'}`,
  'localChanges.title':
    'This view contains changes made in this browser. Open the Data panel to review, undo or reset them.',
} as const;

export const coreSq: TranslationOf<typeof coreEn> = {
  'app.tagline': (c) =>
    `Kush bën çfarë dhe ku për parandalimin dhe luftën kundër ekstremizmit të dhunshëm në ${c.country}: ${c.organisations} organizata, ${c.municipalities} bashki, ${c.counties} qarqe`,
  'language.label': 'Gjuha',
  'search.label': 'Gjej një organizatë, bashki, qytet ose fshat',
  'search.placeholder': 'p.sh. cerrik, kukesi, Paskuqan, IDM',
  'search.results': 'Rezultatet e kërkimit',
  'search.none': (query) => `Asgjë nuk përputhet me «${query}».`,
  'tabs.label': 'Panelet',
  'tabs.gaps': 'Boshllëqe',
  'tabs.overlap': 'Mbivendosje',
  'tabs.plans': 'Plane',
  'tabs.compare': 'Krahaso',
  'tabs.area': 'Zona',
  'tabs.organisation': 'Organizata',
  'tabs.data': 'Të dhëna',
  // The country's name would need its definite form ("Shqipëria"): say "the whole map".
  'tabs.backToCountry': () => '← Kthehu te harta e plotë',
  'filters.label': 'Filtrat',
  'filters.activityTypes': 'Llojet e aktiviteteve',
  'filters.focusTypes': 'Llojet e fokusit',
  'filters.kinds': 'Llojet e organizatave',
  'filters.scope': 'Shtrirja',
  'filters.scope.all': 'Të gjitha',
  'filters.scope.local': 'Vetëm vendore',
  'filters.scope.national': 'Vetëm kombëtare',
  'filters.hotspots': 'Që punojnë në zona të nxehta',
  'filters.text': 'Filtro sipas tekstit',
  'filters.textLabel': 'Filtro organizatat sipas tekstit',
  'filters.shadeCounties': 'Ngjyros qarqet sipas',
  'filters.shade.organisations': 'Organizatave',
  'filters.summary': (shown, total) => `${shown} nga ${total} organizata`,
  'filters.planned': (planned) => ` + ${planned} të planifikuara`,
  'filters.clear': 'Pastro filtrat',
  'localChanges.mark': (_count, formatted) => `Ndryshime vendore: ${formatted} organizata`,
  'localChanges.title':
    'Kjo pamje përmban ndryshime të bëra në këtë shfletues. Hapni panelin «Të dhëna» për t’i parë, zhbërë ose rivendosur.',
};

/** Every area's table, English and Albanian; keys are prefixed by area and never shared. */
export const TABLES = [
  [coreEn, coreSq],
  [gapsEn, gapsSq],
  [overlapEn, overlapSq],
  [plannerEn, plannerSq],
  [mapEn, mapSq],
  [chartsEn, chartsSq],
  [presenterEn, presenterSq],
  [dataEn, dataSq],
  [importsEn, importsSq],
] as const;

export const en = {
  ...coreEn,
  ...gapsEn,
  ...overlapEn,
  ...plannerEn,
  ...mapEn,
  ...chartsEn,
  ...presenterEn,
  ...dataEn,
  ...importsEn,
};

type MessageTable = typeof en;
export type MessageKey = keyof MessageTable;

/** Each key's message with the same parameters: text, or a function of the same arguments. */
export type Messages = TranslationOf<MessageTable>;

export const sq: Messages = {
  ...coreSq,
  ...gapsSq,
  ...overlapSq,
  ...plannerSq,
  ...mapSq,
  ...chartsSq,
  ...presenterSq,
  ...dataSq,
  ...importsSq,
};

export const MESSAGES: Readonly<Record<Lang, Messages>> = { en, sq };

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'sq';
}

/** The arguments a message takes ([] for plain text). */
export type MessageArgs<K extends MessageKey> = Messages[K] extends (...args: infer A) => string
  ? A
  : [];

/** A function that gives each key's text in `lang`. */
export type Translate = <K extends MessageKey>(key: K, ...args: MessageArgs<K>) => string;

export function translator(lang: Lang): Translate {
  const table: Readonly<Record<MessageKey, string | ((...values: never[]) => string)>> =
    MESSAGES[lang];
  return (key, ...args) => {
    const message = table[key];
    return typeof message === 'function' ? message(...(args as never[])) : message;
  };
}
