import type { TranslationOf } from '../table';

interface CountryNames {
  name: string;
  nameLocal: string;
}

/** "A", "A and B", "A, B and C" with the language's "and". */
const listWith = (and: string) => (names: readonly string[]) =>
  names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1] ?? ''}`;

const listEn = listWith('and');
const listSq = listWith('dhe');

/** Presenter mode, stories, the exports menu, slide images, the app frame. */
export const presenterEn = {
  // Presenter mode
  'presenter.region': 'Presenter',
  'presenter.position': (index: string, count: string) => `View ${index} of ${count}:`,
  'presenter.previous': 'Previous',
  'presenter.next': 'Next',
  'presenter.story': 'Story',
  'presenter.addView': 'Add this view to my story',
  'presenter.copyLink': 'Copy link to this story',
  'presenter.leave': 'Leave (Esc)',
  'presenter.dismiss': 'Dismiss',
  'presenter.present': 'Present',
  'presenter.switchLanguage': 'Show the interface in Albanian (key L)',
  'presenter.myStory': 'My story',
  'presenter.wholeCountry': (country: CountryNames) => `${country.name}, whole country`,
  'presenter.added': (title: string, story: string, view: string) =>
    `Added “${title}” to ${story} as view ${view}.`,
  'presenter.copied': (title: string) => `Copied a link to “${title}”.`,
  'presenter.copyRefused': (url: string) =>
    `The browser did not allow copying. The link to this story is: ${url}`,
  'presenter.linkFallback': (message: string) =>
    `${message} Showing the story built from the data instead.`,
  // Story links and the stories kept in the browser
  'presenter.link.broken':
    'This story link is damaged or incomplete, so the story cannot be shown.',
  'presenter.link.tooLong': '(It is too long.)',
  'presenter.link.viewProblem': (view: string, problem: string) => `View ${view}: ${problem}`,
  'presenter.storage.source': (key: string) => `browser storage (${key})`,
  'presenter.storage.unreadable': (source: string, error: string) =>
    `${source} cannot be read, so saved stories are not shown: ${error}`,
  'presenter.storage.badForm': (source: string) =>
    `${source} does not hold saved stories in a form this version can read.`,
  'presenter.storage.storyProblem': (source: string, story: string, problem: string) =>
    `${source}, story ${story}: ${problem}`,
  'presenter.storage.unavailable':
    'This browser does not let the page keep data (a private window, or storage turned off), so the story will be gone after a reload. Copy its link to keep it.',
  'presenter.storage.full':
    'The browser storage for this page is full, so the story was not saved. Copy its link to keep it.',
  'presenter.storage.failed': (error: string) =>
    `The story could not be saved in the browser (${error}). Copy its link to keep it.`,
  // The default story, built from the data
  'presenter.story.title': (country: CountryNames) => `${country.name} at a glance`,
  'presenter.story.hotspotsTitle': (count: number, formatted: string) =>
    `The hotspots: ${formatted} ${count === 1 ? 'municipality' : 'municipalities'} named in the documents`,
  'presenter.story.hotspotsNone': 'No document names a municipality as a hotspot.',
  'presenter.story.hotspotsNote': (strongest: readonly string[]) =>
    `Strongest evidence: ${listEn(strongest)}. Only organisations working there are shown.`,
  'presenter.story.gapsTitle': 'Where the gaps are',
  'presenter.story.gapsTitleAt': (municipality: string) => `Where the gaps are: ${municipality}`,
  'presenter.story.gapsNone': 'There are no municipalities to rank.',
  'presenter.story.gapsNote': (
    municipality: string,
    gapScore: string,
    local: number,
    localFormatted: string,
  ) =>
    `${municipality}: gap ${gapScore}, ${
      local === 0
        ? 'nobody local'
        : `${localFormatted} ${local === 1 ? 'local organisation' : 'local organisations'}`
    }.`,
  'presenter.story.whoTitle': 'Who works where',
  'presenter.story.whoTitleAt': (county: string) =>
    `Who works where: most organisations in ${county} county`,
  'presenter.story.whoNone': 'There are no counties to show.',
  'presenter.story.whoNote': (county: string, count: number, formatted: string) =>
    `${county}: ${formatted} ${count === 1 ? 'organisation' : 'organisations'} working in the county; the shading counts organisations per county.`,
  'presenter.story.overlapsTitle': 'Overlaps',
  'presenter.story.overlapsTitleAt': (municipality: string) => `Overlaps: ${municipality}`,
  'presenter.story.overlapsNone':
    'No two organisations do the same kind of work in one municipality.',
  'presenter.story.overlapsNote': (
    municipality: string,
    count: number,
    formatted: string,
    activity: string,
  ) =>
    `${municipality}: ${formatted} ${count === 1 ? 'organisation' : 'organisations'} doing ${activity.toLowerCase()}.`,

  // Exports menu
  'export.summary': 'Export',
  'export.legend': 'Export organisations',
  'export.format': 'Format',
  'export.format.csv': 'HXL 3W sheet (CSV)',
  'export.filtered': (count: number, formatted: string) =>
    `Current filter only (${formatted} ${count === 1 ? 'organisation' : 'organisations'})`,
  'export.everything': (count: number, formatted: string) =>
    `Everything (${formatted} ${count === 1 ? 'organisation' : 'organisations'})`,
  'export.note':
    "Each row carries its source and today's date; planned interventions are exported from the Plans tab.",
  'export.download': (count: number, formatted: string) =>
    `Download ${formatted} ${count === 1 ? 'organisation' : 'organisations'}`,

  // Image for slides
  'slide.legend': 'Image for slides',
  'slide.note': 'The map as shown now, with its legend, title, date and sources, as a PNG.',
  'slide.notDrawn': 'The map is not drawn yet; try again once it shows.',
  'slide.saved': (fileName: string, size: string) => `Saved ${fileName} (${size} KB).`,
  'slide.failed': (reason: string) => `The image could not be made: ${reason}`,
  'slide.drawing': (size: string) => `Drawing the ${size} image…`,
  'slide.noCanvas': 'This browser cannot draw images (no 2D canvas).',
  'slide.noPng': 'The slide image could not be encoded as PNG.',
  'slide.moreKeys': (count: number, formatted: string) =>
    `${formatted} more ${count === 1 ? 'key' : 'keys'} in the app's legend`,
  'slide.fileStem': 'harta-map',
  'slide.subtitleAll':
    'All organisations in the dataset; circles: organisations per municipality, coloured by coverage gap.',
  'slide.subtitleFiltered': (filters: string) =>
    `Filtered to ${filters}; circles: organisations per municipality, coloured by coverage gap.`,
  'slide.filter.activityTypes': (labels: string) => `activity types: ${labels}`,
  'slide.filter.focusTypes': (labels: string) => `focus types: ${labels}`,
  'slide.filter.kinds': (labels: string) => `kinds: ${labels}`,
  'slide.filter.scope.local': 'scope: local',
  'slide.filter.scope.national': 'scope: national',
  'slide.filter.hotspots': 'working in hotspots',
  'slide.filter.text': (text: string) => `text: “${text}”`,
  'slide.madeOn': (date: string, _formatted: string) => `Made with Harta on ${date}.`,
  'slide.mapCredits': 'Map data: GeoNames (CC BY 4.0), Natural Earth (public domain)',
  'slide.sources': (sources: string) => `Sources: ${sources}`,
  'slide.sourcesNone': 'Sources: none recorded',

  // The app frame
  'app.preparingReport': 'Preparing the report…',
  'app.mapRegion': 'Map',
  'app.overlapRegion': 'Overlap matrix',
  'app.loadingCharts': 'Loading charts…',
  'app.chartsPlanned': (count: number, formatted: string) =>
    `Including ${formatted} planned ${count === 1 ? 'intervention' : 'interventions'}, counted like organisations.`,
  'app.dataChangedElsewhere':
    'The data was changed in another tab or window of Harta; this one now shows the change.',
  'app.plansChangedElsewhere':
    'The plans were changed in another tab or window of Harta; this one now shows them.',
} as const;

export const presenterSq: TranslationOf<typeof presenterEn> = {
  'presenter.region': 'Mënyra e prezantimit',
  'presenter.position': (index, count) => `Pamja ${index} nga ${count}:`,
  'presenter.previous': 'E mëparshmja',
  'presenter.next': 'Tjetra',
  'presenter.story': 'Historia',
  'presenter.addView': 'Shto këtë pamje te historia ime',
  'presenter.copyLink': 'Kopjo lidhjen e kësaj historie',
  'presenter.leave': 'Dil (Esc)',
  'presenter.dismiss': 'Mbyll',
  'presenter.present': 'Prezanto',
  'presenter.switchLanguage': 'Shfaq ndërfaqen në anglisht (tasti L)',
  'presenter.myStory': 'Historia ime',
  'presenter.wholeCountry': (country) => `${country.nameLocal}, i gjithë vendi`,
  'presenter.added': (title, story, view) => `«${title}» u shtua te «${story}» si pamja ${view}.`,
  'presenter.copied': (title) => `Lidhja e «${title}» u kopjua.`,
  'presenter.copyRefused': (url) =>
    `Shfletuesi nuk lejoi kopjimin. Lidhja e kësaj historie është: ${url}`,
  'presenter.linkFallback': (message) =>
    `${message} Në vend të saj shfaqet historia e ndërtuar nga të dhënat.`,
  'presenter.link.broken':
    'Kjo lidhje historie është e dëmtuar ose e paplotë, prandaj historia nuk mund të shfaqet.',
  'presenter.link.tooLong': '(Është tepër e gjatë.)',
  'presenter.link.viewProblem': (view, problem) => `Pamja ${view}: ${problem}`,
  'presenter.storage.source': (key) => `hapësira e ruajtjes së shfletuesit (${key})`,
  'presenter.storage.unreadable': (source, error) =>
    `${source} nuk mund të lexohet, prandaj historitë e ruajtura nuk shfaqen: ${error}`,
  'presenter.storage.badForm': (source) =>
    `${source} nuk i mban historitë e ruajtura në një formë që ky version mund ta lexojë.`,
  'presenter.storage.storyProblem': (source, story, problem) =>
    `${source}, historia ${story}: ${problem}`,
  'presenter.storage.unavailable':
    'Ky shfletues nuk e lejon faqen të ruajë të dhëna (dritare private ose ruajtje e çaktivizuar), prandaj historia do të humbasë pas rifreskimit. Kopjoni lidhjen e saj për ta mbajtur.',
  'presenter.storage.full':
    'Hapësira e ruajtjes së shfletuesit për këtë faqe është plot, prandaj historia nuk u ruajt. Kopjoni lidhjen e saj për ta mbajtur.',
  'presenter.storage.failed': (error) =>
    `Historia nuk mund të ruhej në shfletues (${error}). Kopjoni lidhjen e saj për ta mbajtur.`,
  'presenter.story.title': (country) => `${country.nameLocal}: një vështrim i përgjithshëm`,
  'presenter.story.hotspotsTitle': (_count, formatted) =>
    `Zonat e nxehta: ${formatted} bashki të përmendura në dokumente`,
  'presenter.story.hotspotsNone': 'Asnjë dokument nuk e përmend ndonjë bashki si zonë të nxehtë.',
  'presenter.story.hotspotsNote': (strongest) =>
    `Dëshmitë më të forta: ${listSq(strongest)}. Shfaqen vetëm organizatat që punojnë atje.`,
  'presenter.story.gapsTitle': 'Ku janë boshllëqet',
  'presenter.story.gapsTitleAt': (municipality) => `Ku janë boshllëqet: ${municipality}`,
  'presenter.story.gapsNone': 'Nuk ka bashki për t’u renditur.',
  'presenter.story.gapsNote': (municipality, gapScore, local, localFormatted) =>
    `${municipality}: boshllëk ${gapScore}, ${
      local === 0
        ? 'asnjë organizatë vendore'
        : `${localFormatted} ${local === 1 ? 'organizatë vendore' : 'organizata vendore'}`
    }.`,
  'presenter.story.whoTitle': 'Kush punon ku',
  'presenter.story.whoTitleAt': (county) =>
    `Kush punon ku: më shumë organizata në qarkun ${county}`,
  'presenter.story.whoNone': 'Nuk ka qarqe për t’u shfaqur.',
  'presenter.story.whoNote': (county, count, formatted) =>
    `${county}: ${formatted} ${count === 1 ? 'organizatë punon' : 'organizata punojnë'} në qark; ngjyrimi numëron organizatat për çdo qark.`,
  'presenter.story.overlapsTitle': 'Mbivendosjet',
  'presenter.story.overlapsTitleAt': (municipality) => `Mbivendosjet: ${municipality}`,
  'presenter.story.overlapsNone':
    'Asnjë palë organizatash nuk bën të njëjtin lloj pune në të njëjtën bashki.',
  'presenter.story.overlapsNote': (municipality, count, formatted, activity) =>
    `${municipality}: ${formatted} ${count === 1 ? 'organizatë' : 'organizata'} me llojin e aktivitetit «${activity}».`,

  'export.summary': 'Eksporto',
  'export.legend': 'Eksporto organizatat',
  'export.format': 'Formati',
  'export.format.csv': 'Fletë 3W me HXL (CSV)',
  'export.filtered': (count, formatted) =>
    `Vetëm filtri aktual (${formatted} ${count === 1 ? 'organizatë' : 'organizata'})`,
  'export.everything': (count, formatted) =>
    `Të gjitha (${formatted} ${count === 1 ? 'organizatë' : 'organizata'})`,
  'export.note':
    'Çdo rresht mban burimin e vet dhe datën e sotme; ndërhyrjet e planifikuara eksportohen nga skeda «Planet».',
  'export.download': (count, formatted) =>
    `Shkarko ${formatted} ${count === 1 ? 'organizatë' : 'organizata'}`,

  'slide.legend': 'Imazh për diapozitivë',
  'slide.note': 'Harta siç shfaqet tani, me legjendën, titullin, datën dhe burimet, si skedar PNG.',
  'slide.notDrawn': 'Harta nuk është vizatuar ende; provoni sërish sapo të shfaqet.',
  'slide.saved': (fileName, size) => `U ruajt ${fileName} (${size} KB).`,
  'slide.failed': (reason) => `Imazhi nuk mund të krijohej: ${reason}`,
  'slide.drawing': (size) => `Po vizatohet imazhi ${size}…`,
  'slide.noCanvas': 'Ky shfletues nuk mund të vizatojë imazhe (mungon kanavaca 2D).',
  'slide.noPng': 'Imazhi i diapozitivit nuk mund të kodohej si PNG.',
  'slide.moreKeys': (count, formatted) =>
    `Edhe ${formatted} ${count === 1 ? 'shenjë' : 'shenja'} në legjendën e aplikacionit`,
  'slide.fileStem': 'harta',
  'slide.subtitleAll':
    'Të gjitha organizatat në të dhëna; rrathët: organizatat për çdo bashki, të ngjyrosura sipas boshllëkut në mbulim.',
  'slide.subtitleFiltered': (filters) =>
    `Të filtruara sipas: ${filters}; rrathët: organizatat për çdo bashki, të ngjyrosura sipas boshllëkut në mbulim.`,
  'slide.filter.activityTypes': (labels) => `llojet e aktiviteteve: ${labels}`,
  'slide.filter.focusTypes': (labels) => `llojet e fokusit: ${labels}`,
  'slide.filter.kinds': (labels) => `llojet e organizatave: ${labels}`,
  'slide.filter.scope.local': 'shtrirja: vendore',
  'slide.filter.scope.national': 'shtrirja: kombëtare',
  'slide.filter.hotspots': 'që punojnë në zona të nxehta',
  'slide.filter.text': (text) => `teksti: «${text}»`,
  'slide.madeOn': (_date, formatted) => `Krijuar me Harta më ${formatted}.`,
  'slide.mapCredits': 'Të dhënat e hartës: GeoNames (CC BY 4.0), Natural Earth (domen publik)',
  'slide.sources': (sources) => `Burimet: ${sources}`,
  'slide.sourcesNone': 'Burimet: asnjë i regjistruar',

  'app.preparingReport': 'Po përgatitet raporti…',
  'app.mapRegion': 'Harta',
  'app.overlapRegion': 'Matrica e mbivendosjeve',
  'app.loadingCharts': 'Po ngarkohen grafikët…',
  'app.chartsPlanned': (count, formatted) =>
    count === 1
      ? `Përfshihet ${formatted} ndërhyrje e planifikuar, e numëruar si organizatë.`
      : `Përfshihen ${formatted} ndërhyrje të planifikuara, të numëruara si organizata.`,
  'app.dataChangedElsewhere':
    'Të dhënat u ndryshuan në një skedë ose dritare tjetër të Hartës; kjo tani e shfaq ndryshimin.',
  'app.plansChangedElsewhere':
    'Planet u ndryshuan në një skedë ose dritare tjetër të Hartës; kjo tani i shfaq ato.',
};
