import {
  coverageByCounty,
  coverageByMunicipality,
  DEFAULT_NATIONWIDE_WEIGHT,
  NO_FILTERS,
  rankGaps,
} from './coverage';
import { hotspotLevels, type Dataset } from './dataset';
import type { Gazetteer } from './gazetteer-schema';
import { findOverlaps, overlapMatrix } from './overlap';
import type { RestorableState } from './view-state';

/**
 * Stories: ordered saved views a presenter steps through at a round table. A view is exactly
 * what a link carries (`RestorableState`), with a title and a one-line note for the audience.
 */

export interface StoryView {
  title: string;
  note: string;
  state: RestorableState;
}

export interface Story {
  id: string;
  title: string;
  views: StoryView[];
}

/** The id of the story built from the data; user stories never take it. */
export const DEFAULT_STORY_ID = 'default';

/** The whole country, nothing filtered or selected, the Gaps panel open. */
export const WHOLE_COUNTRY: RestorableState = {
  filters: NO_FILTERS,
  selection: null,
  tab: 'gaps',
  nationwideWeight: DEFAULT_NATIONWIDE_WEIGHT,
  countyMeasure: { kind: 'organisations' },
  mapView: null,
  compare: [null, null],
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Names in a list as people write them: "A", "A and B", "A, B and C". */
function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/**
 * The story the app offers before anyone saves one, computed from the data (so it follows the
 * dataset as it changes): the hotspots, the most underserved municipality, the county where
 * most organisations work, and the most crowded municipality × activity type.
 *
 * @example defaultStory(dataset, gazetteer).views.map((view) => view.state.tab)
 *   // ['gaps', 'area', 'area', 'overlap']
 */
export function defaultStory(dataset: Dataset, gazetteer: Gazetteer): Story {
  const municipalityName = new Map(gazetteer.municipalities.map((m) => [m.id, m.name]));
  const countyName = new Map(gazetteer.counties.map((c) => [c.id, c.name]));
  const nameOf = (id: string) => municipalityName.get(id) ?? countyName.get(id) ?? id;
  const organisations = dataset.organisations;
  const coverage = coverageByMunicipality(dataset, gazetteer, organisations, {
    nationwideWeight: DEFAULT_NATIONWIDE_WEIGHT,
  });

  // 1. The hotspots, strongest evidence first.
  const levels = hotspotLevels(dataset.hotspotEvidence);
  const hotspots = gazetteer.municipalities
    .filter((m) => (levels.get(m.id) ?? 0) >= 1)
    .sort((a, b) => (levels.get(b.id) ?? 0) - (levels.get(a.id) ?? 0));
  const strongest = hotspots.slice(0, 3).map((m) => m.name);
  const hotspotsView: StoryView = {
    title: `The hotspots: ${plural(hotspots.length, 'municipality', 'municipalities')} named in the documents`,
    note:
      hotspots.length === 0
        ? 'No document names a municipality as a hotspot.'
        : `Strongest evidence: ${listNames(strongest)}. Only organisations working there are shown.`,
    state: { ...WHOLE_COUNTRY, filters: { ...NO_FILTERS, hotspotsOnly: true } },
  };

  // 2. Where the gaps are: the most underserved municipality.
  const top = rankGaps(coverage, nameOf)[0];
  const gapView: StoryView =
    top === undefined
      ? {
          title: 'Where the gaps are',
          note: 'There are no municipalities to rank.',
          state: WHOLE_COUNTRY,
        }
      : {
          title: `Where the gaps are: ${nameOf(top.id)}`,
          note: `${nameOf(top.id)}: gap ${top.gapScore.toFixed(2)}, ${
            top.counts.local === 0
              ? 'nobody local'
              : plural(top.counts.local, 'local organisation', 'local organisations')
          }.`,
          state: { ...WHOLE_COUNTRY, selection: { kind: 'municipality', id: top.id }, tab: 'area' },
        };

  // 3. Who works where: the county shading by organisations, the busiest county open.
  const busiest = [...coverageByCounty(dataset, gazetteer, organisations).values()].sort(
    (a, b) => b.implementers - a.implementers || nameOf(a.id).localeCompare(nameOf(b.id), 'sq'),
  )[0];
  const whoView: StoryView =
    busiest === undefined
      ? {
          title: 'Who works where',
          note: 'There are no counties to show.',
          state: WHOLE_COUNTRY,
        }
      : {
          title: `Who works where: most organisations in ${nameOf(busiest.id)} county`,
          note: `${nameOf(busiest.id)}: ${plural(busiest.implementers, 'organisation', 'organisations')} working in the county; the shading counts organisations per county.`,
          state: {
            ...WHOLE_COUNTRY,
            selection: { kind: 'county', id: busiest.id },
            tab: 'area',
            countyMeasure: { kind: 'organisations' },
          },
        };

  // 4. Overlaps: the most crowded municipality × activity type.
  const crowded = findOverlaps(
    overlapMatrix(dataset, coverage, organisations),
    dataset,
    organisations,
  )[0];
  const activityLabel = (id: string) =>
    dataset.activityTypes.find((type) => type.id === id)?.label ?? id;
  const overlapView: StoryView =
    crowded === undefined
      ? {
          title: 'Overlaps',
          note: 'No two organisations do the same kind of work in one municipality.',
          state: { ...WHOLE_COUNTRY, tab: 'overlap' },
        }
      : {
          title: `Overlaps: ${nameOf(crowded.municipalityId)}`,
          note: `${nameOf(crowded.municipalityId)}: ${plural(crowded.count, 'organisation', 'organisations')} doing ${activityLabel(crowded.activityType).toLowerCase()}.`,
          state: {
            ...WHOLE_COUNTRY,
            selection: { kind: 'municipality', id: crowded.municipalityId },
            tab: 'overlap',
          },
        };

  return {
    id: DEFAULT_STORY_ID,
    title: `${gazetteer.country.name} at a glance`,
    views: [hotspotsView, gapView, whoView, overlapView],
  };
}

/** A story with `view` added at the end (a new story called `title` when there is none). */
export function withView(
  story: Story | null,
  view: StoryView,
  newId: string,
  title: string,
): Story {
  return story === null
    ? { id: newId, title, views: [view] }
    : { ...story, views: [...story.views, view] };
}
