import type { TranslationOf } from '../table';

/** The ids a link may name by kind, in a link problem. */
export type LinkIdKind = 'activityTypes' | 'focusTypes' | 'kinds';

const LINK_IDS_EN: Readonly<Record<LinkIdKind, string>> = {
  activityTypes: 'activity types',
  focusTypes: 'focus types',
  kinds: 'organisation kinds',
};

const LINK_IDS_SQ: Readonly<Record<LinkIdKind, string>> = {
  activityTypes: 'lloje aktivitetesh',
  focusTypes: 'lloje fokusi',
  kinds: 'lloje organizatash',
};

/** Map, legend, attribution, notices, slide images. */
export const mapEn = {
  // The map and its host.
  'map.label': (country: string) => `Map of ${country}: counties and municipalities`,
  'map.zoomIn': 'Zoom in',
  'map.zoomOut': 'Zoom out',
  'map.toggleAttribution': 'Toggle attribution',
  'map.resetView': 'Reset view',
  'map.loading': 'Loading the map…',
  'map.noWebGl':
    'The map cannot be shown: this browser or device has WebGL turned off or unavailable.',
  'map.loadFailed': 'The map could not be loaded',
  'map.worksWithout':
    'Everything else on this page works without it: use the lists, search and panels.',
  'map.measure.organisations': 'Organisations working in the county',
  'map.measure.activityType': (activityType: string | null) =>
    `Organisations doing ${activityType ?? 'this activity'}`,
  'map.sources': 'Sources',
  'map.package': 'package',

  // The legend (on screen and on slide images).
  'legend.label': 'Map legend',
  'legend.boundaries': 'Municipal boundaries',
  'legend.boundaries.shaded': (shaded: string, total: string) =>
    `${shaded} of ${total} municipalities are shaded with the boundaries from your file “`,
  'legend.boundaries.end': (othersAreCircles: boolean) =>
    `”${othersAreCircles ? '; the others are circles at their seats' : ''}.`,
  'legend.boundaries.slide': (shaded: string, total: string, fileName: string) =>
    `${shaded} of ${total} municipalities are shaded with the boundaries from “${fileName}”.`,
  'legend.removeBoundaries': 'Remove boundaries',
  'legend.counties': (measure: string) => `Counties: ${measure}`,
  'legend.zeroEverywhere': '0 in every county',
  'legend.countiesUnderAreas': 'Seen only where no municipal boundary covers the county.',
  'legend.circleSize': 'Circle size: organisations there',
  'legend.nobody': '0 (nobody)',
  'legend.gapColour.areas': 'Municipality colour: coverage gap',
  'legend.gapColour.circles': 'Circle colour: coverage gap',
  'legend.covered': 'covered',
  'legend.underserved': 'underserved',
  'legend.hotspot.areas': 'Hotspot: dark band inside the outline',
  'legend.hotspot.circles': 'Hotspot ring',
  'legend.hotspot.strength': 'thicker = stronger evidence',
  'legend.planned': 'Planned intervention',
  'legend.planned.areas': 'county or municipality (dashed outline)',
  'legend.planned.mixed': 'county or municipality (dashed outline), or a ring round a circle',
  'legend.planned.circles': 'county (dashed) or municipality (ring)',
  'legend.planned.area': 'planned area',
  'legend.emphasis': 'Emphasis',
  'legend.emphasis.selected': 'selected',
  'legend.emphasis.highlighted': "organisation's areas",
  'legend.emphasis.hovered': 'pointer',

  // Notices: link and storage problems, data problems, the last-resort error screen.
  'notice.dismiss': 'Dismiss',
  'notice.link.label': 'About this link',
  'notice.link.intro': 'This link asked for things that are not in the data; they were left out:',
  'notice.link.unknownIds': (kind: LinkIdKind, ids: string) =>
    `The link names unknown ${LINK_IDS_EN[kind]}: ${ids}.`,
  'notice.link.scope': (value: string) => `The link's scope "${value}" is not local or national.`,
  'notice.link.selection': (value: string) =>
    `The link selects "${value}", which is not in the data.`,
  'notice.link.measure': (value: string) =>
    `The link's map measure "${value}" is not an activity type.`,
  'notice.link.view': (value: string) => `The link's map view "${value}" is not lon,lat,zoom.`,
  'notice.link.compare': (value: string) =>
    `The link compares "${value}", which is not in the data.`,
  'notice.link.weight': (value: string) =>
    `The link's nationwide weight "${value}" is not a number from 0 to 1.`,
  'notice.link.language': (value: string) =>
    `The link asks for language "${value}", which Harta does not have; it is shown in English (Albanian: lang=sq).`,
  'notice.storage.label': 'About saved plans',
  'notice.storage.intro': 'About the plans saved in this browser:',
  'notice.data.title': (count: number, formatted: string) =>
    count === 1 ? `${formatted} problem in the data` : `${formatted} problems in the data`,
  'notice.data.skipped': 'The rows named here were skipped; everything else is shown.',
  'notice.error.title': 'Something went wrong',
  'notice.error.stopped': 'The app stopped on an unexpected error:',
  'notice.error.reopen': 'Open Harta without the settings in this link',
} as const;

export const mapSq: TranslationOf<typeof mapEn> = {
  // "Map of Albania" needs the genitive ("e Shqipërisë"): name the country first instead.
  'map.label': (country) => `${country}: harta e qarqeve dhe e bashkive`,
  'map.zoomIn': 'Zmadho',
  'map.zoomOut': 'Zvogëlo',
  'map.toggleAttribution': 'Shfaq ose fshih burimet e hartës',
  'map.resetView': 'Rivendos pamjen',
  'map.loading': 'Harta po ngarkohet…',
  'map.noWebGl':
    'Harta nuk mund të shfaqet: në këtë shfletues ose pajisje WebGL është i çaktivizuar ose mungon.',
  'map.loadFailed': 'Harta nuk u ngarkua',
  'map.worksWithout':
    'Gjithçka tjetër në këtë faqe funksionon edhe pa të: përdorni listat, kërkimin dhe panelet.',
  'map.measure.organisations': 'Organizatat që punojnë në qark',
  'map.measure.activityType': (activityType) =>
    activityType === null
      ? 'Organizatat me këtë aktivitet'
      : `Organizatat me aktivitetin «${activityType}»`,
  'map.sources': 'Burimet',
  'map.package': 'paketa',

  'legend.label': 'Legjenda e hartës',
  'legend.boundaries': 'Kufijtë e bashkive',
  'legend.boundaries.shaded': (shaded, total) =>
    `${shaded} nga ${total} bashki janë ngjyrosur sipas kufijve nga skedari juaj «`,
  'legend.boundaries.end': (othersAreCircles) =>
    `»${othersAreCircles ? '; të tjerat shfaqen si rrathë në qendrat e tyre' : ''}.`,
  'legend.boundaries.slide': (shaded, total, fileName) =>
    `${shaded} nga ${total} bashki janë ngjyrosur sipas kufijve nga «${fileName}».`,
  'legend.removeBoundaries': 'Hiq kufijtë',
  'legend.counties': (measure) => `Qarqet: ${measure}`,
  'legend.zeroEverywhere': '0 në çdo qark',
  'legend.countiesUnderAreas': 'Duket vetëm aty ku qarku nuk mbulohet nga kufijtë e bashkive.',
  'legend.circleSize': 'Madhësia e rrethit: organizatat që punojnë aty',
  'legend.nobody': '0 (asnjë)',
  'legend.gapColour.areas': 'Ngjyra e bashkisë: boshllëku në mbulim',
  'legend.gapColour.circles': 'Ngjyra e rrethit: boshllëku në mbulim',
  'legend.covered': 'e mbuluar',
  'legend.underserved': 'pa mbulim të mjaftueshëm',
  'legend.hotspot.areas': 'Zonë e nxehtë: brez i errët brenda konturit',
  'legend.hotspot.circles': 'Unaza e zonës së nxehtë',
  'legend.hotspot.strength': 'më e trashë = dëshmi më e fortë',
  'legend.planned': 'Ndërhyrje e planifikuar',
  'legend.planned.areas': 'qark ose bashki (kontur me vija të ndërprera)',
  'legend.planned.mixed':
    'qark ose bashki (kontur me vija të ndërprera) ose unazë rreth një rrethi',
  'legend.planned.circles': 'qark (vija të ndërprera) ose bashki (unazë)',
  'legend.planned.area': 'zonë e planifikuar',
  'legend.emphasis': 'Theksimi',
  'legend.emphasis.selected': 'e zgjedhur',
  'legend.emphasis.highlighted': 'zonat e organizatës',
  'legend.emphasis.hovered': 'nën kursor',

  'notice.dismiss': 'Mbyll',
  'notice.link.label': 'Rreth kësaj lidhjeje',
  'notice.link.intro': 'Kjo lidhje kërkoi gjëra që nuk gjenden në të dhëna; ato u lanë jashtë:',
  'notice.link.unknownIds': (kind, ids) =>
    `Lidhja përmend ${LINK_IDS_SQ[kind]} të panjohura: ${ids}.`,
  'notice.link.scope': (value) =>
    `Shtrirja «${value}» në lidhje nuk është as vendore, as kombëtare.`,
  'notice.link.selection': (value) => `Lidhja zgjedh «${value}», që nuk gjendet në të dhëna.`,
  'notice.link.measure': (value) => `Masa e hartës «${value}» në lidhje nuk është lloj aktiviteti.`,
  'notice.link.view': (value) =>
    `Pamja e hartës «${value}» në lidhje nuk ka trajtën gjatësi,gjerësi,zmadhim (lon,lat,zoom).`,
  'notice.link.compare': (value) => `Lidhja krahason «${value}», që nuk gjendet në të dhëna.`,
  'notice.link.weight': (value) =>
    `Pesha e organizatave kombëtare «${value}» në lidhje nuk është numër nga 0 deri në 1.`,
  'notice.link.language': (value) =>
    `Lidhja kërkon gjuhën «${value}», të cilën Harta nuk e ka; shfaqet në anglisht (për shqip: lang=sq).`,
  'notice.storage.label': 'Rreth planeve të ruajtura',
  'notice.storage.intro': 'Për planet e ruajtura në këtë shfletues:',
  'notice.data.title': (count, formatted) =>
    count === 1 ? `${formatted} problem në të dhëna` : `${formatted} probleme në të dhëna`,
  'notice.data.skipped': 'Rreshtat e përmendur këtu u anashkaluan; gjithçka tjetër shfaqet.',
  'notice.error.title': 'Diçka shkoi keq',
  'notice.error.stopped': 'Aplikacioni u ndal nga një gabim i papritur:',
  'notice.error.reopen': 'Hap Hartën pa cilësimet e kësaj lidhjeje',
};
