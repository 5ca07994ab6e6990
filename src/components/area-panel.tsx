import type { ReactNode } from 'react';
import { hotspotLevels } from '../domain/dataset';
import { evidenceKindText } from '../domain/gap-explanation';
import { nearestMunicipalities } from '../domain/nearest-areas';
import {
  selectCountyCoverage,
  selectMunicipalityCoverage,
  selectNames,
  selectSeatDistances,
} from '../store/selectors';
import { useHarta } from '../store/store-context';
import { SelectButton } from './select-button';
import { HotspotBadge } from './hotspot-badge';
import { CountyGapWhy, GapWhy } from './gap-why';
import type { AreaRef } from '../domain/view-state';

const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

function OrganisationButtons({ ids, empty }: { ids: string[]; empty: string }) {
  const names = useHarta(selectNames);
  if (ids.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="link-list">
      {ids.map((id) => (
        <li key={id}>
          <SelectButton target={{ kind: 'organisation', id }}>
            {names.organisation(id)?.name ?? id}
          </SelectButton>
        </li>
      ))}
    </ul>
  );
}

function TypeChips({
  present,
  all,
  label,
}: {
  present: Set<string>;
  all: { id: string; label: string }[];
  label: string;
}) {
  const missing = all.filter((type) => !present.has(type.id));
  return (
    <div className="type-chips">
      <h4>{label}</h4>
      <p>
        <span className="visually-hidden">Present: </span>
        {all
          .filter((type) => present.has(type.id))
          .map((type) => (
            <span key={type.id} className="chip present">
              {type.label}
            </span>
          ))}
      </p>
      {missing.length > 0 ? (
        <p>
          <span className="chip-heading">Nobody does: </span>
          {missing.map((type) => (
            <span key={type.id} className="chip missing">
              {type.label}
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

/** Start a plan here, or put the area in the compare view. */
function AreaActions({ area, name }: { area: AreaRef; name: string }) {
  const startPlan = useHarta((state) => state.startPlan);
  const compareWith = useHarta((state) => state.compareWith);
  return (
    <p className="area-actions">
      <button type="button" className="secondary-button" onClick={() => startPlan(area)}>
        Plan an intervention in {name}
      </button>{' '}
      <button type="button" className="secondary-button" onClick={() => compareWith(area)}>
        Compare {name} with…
      </button>
    </p>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="panel-section">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

function MunicipalityDetails({ id }: { id: string }) {
  const gazetteer = useHarta((state) => state.gazetteer);
  const distances = useHarta(selectSeatDistances);
  const dataset = useHarta((state) => state.dataset);
  const coverage = useHarta(selectMunicipalityCoverage).get(id);
  const names = useHarta(selectNames);
  const filteredTypes = useHarta((state) => state.filters.activityTypes);
  const municipality = gazetteer.municipalities.find((m) => m.id === id);
  if (!municipality || !coverage) return null;
  const consideredTypes =
    filteredTypes.length > 0
      ? dataset.activityTypes.filter((type) => filteredTypes.includes(type.id))
      : dataset.activityTypes;
  const evidence = dataset.hotspotEvidence.filter((item) => item.municipalityId === id);
  const documents = new Map(dataset.documents.map((d) => [d.id, d]));
  return (
    <section className="area-panel" aria-label={`${municipality.name}: municipality details`}>
      <h2 tabIndex={-1}>{municipality.name}</h2>
      <p className="panel-subtitle">
        Municipality (bashki) in{' '}
        <SelectButton target={{ kind: 'county', id: municipality.county }}>
          {names.area(municipality.county)} county
        </SelectButton>{' '}
        <HotspotBadge level={coverage.hotspotLevel} />
      </p>
      <AreaActions area={{ level: 'municipality', id }} name={municipality.name} />
      <Section title={`Gap score ${coverage.gapScore.toFixed(2)}: why`}>
        <GapWhy municipalityId={id} />
      </Section>
      <Section title={`Organisations naming ${municipality.name} (${coverage.local.length})`}>
        <OrganisationButtons ids={coverage.local} empty="None under the current filters." />
      </Section>
      <Section
        title={`Working across ${names.area(municipality.county)} county (${coverage.countyWide.length})`}
      >
        <OrganisationButtons ids={coverage.countyWide} empty="None under the current filters." />
      </Section>
      <Section title={`Working nationwide (${coverage.nationwide.length})`}>
        <OrganisationButtons ids={coverage.nationwide} empty="None under the current filters." />
      </Section>
      <TypeChips
        label={
          filteredTypes.length > 0
            ? 'Activity types (those selected in the filters)'
            : 'Activity types'
        }
        present={new Set(coverage.activityTypesCovered)}
        all={consideredTypes}
      />
      <TypeChips
        label="Focus types"
        present={new Set(coverage.focusTypesCovered)}
        all={dataset.focusTypes}
      />
      <Section title="Hotspot evidence">
        {evidence.length === 0 ? (
          <p className="muted">Neither source document names {municipality.name} as a hotspot.</p>
        ) : (
          evidence.map((item, index) => (
            <figure key={index} className="evidence">
              <blockquote>{item.quote}</blockquote>
              <figcaption>
                Level {item.level} ({evidenceKindText(item.kind)}):{' '}
                {documents.get(item.document)?.title ?? item.document}, {item.location}.
                {item.note ? ` ${item.note}` : ''}
              </figcaption>
            </figure>
          ))
        )}
      </Section>
      <Section title="Nearest municipalities (seat to seat)">
        <ul className="link-list">
          {nearestMunicipalities(distances, id).map((near) => (
            <li key={near.id}>
              <SelectButton target={{ kind: 'municipality', id: near.id }}>
                {names.area(near.id)}
              </SelectButton>{' '}
              <span className="muted">{near.km} km</span>
            </li>
          ))}
        </ul>
      </Section>
    </section>
  );
}

function CountyDetails({ id }: { id: string }) {
  const gazetteer = useHarta((state) => state.gazetteer);
  const dataset = useHarta((state) => state.dataset);
  const coverage = useHarta(selectCountyCoverage).get(id);
  const municipalityCoverage = useHarta(selectMunicipalityCoverage);
  const names = useHarta(selectNames);
  const filteredTypes = useHarta((state) => state.filters.activityTypes);
  const nationwideWeight = useHarta((state) => state.nationwideWeight);
  const county = gazetteer.counties.find((c) => c.id === id);
  if (!county || !coverage) return null;
  const levels = hotspotLevels(dataset.hotspotEvidence);
  const municipalities = gazetteer.municipalities.filter((m) => m.county === id);
  const present = new Set(
    Object.entries(coverage.byActivityType)
      .filter(([, count]) => count > 0)
      .map(([type]) => type),
  );
  // As in a municipality: under an activity filter, the types it selects (work it hides is not absent).
  const consideredTypes =
    filteredTypes.length > 0
      ? dataset.activityTypes.filter((type) => filteredTypes.includes(type.id))
      : dataset.activityTypes;
  return (
    <section className="area-panel" aria-label={`${county.name}: county details`}>
      <h2 tabIndex={-1}>{county.name}</h2>
      <p className="panel-subtitle">County (qark), {municipalities.length} municipalities</p>
      <AreaActions area={{ level: 'county', id }} name={county.name} />
      <Section title="Gap score: why">
        <CountyGapWhy countyId={id} />
      </Section>
      <Section title={`Municipalities of ${county.name}`}>
        <ul className="link-list">
          {municipalities.map((m) => (
            <li key={m.id}>
              <SelectButton target={{ kind: 'municipality', id: m.id }}>{m.name}</SelectButton>{' '}
              <span className="muted">
                {plural(municipalityCoverage.get(m.id)?.counts.local ?? 0, 'organisation')} naming
                it
              </span>{' '}
              <HotspotBadge level={levels.get(m.id) ?? 0} />
            </li>
          ))}
        </ul>
      </Section>
      <Section
        title={`Organisations working in ${county.name} county (${coverage.organisations.length})`}
      >
        <OrganisationButtons ids={coverage.organisations} empty="None under the current filters." />
      </Section>
      <TypeChips
        label={
          filteredTypes.length > 0
            ? 'Activity types (those selected in the filters)'
            : 'Activity types'
        }
        present={present}
        all={consideredTypes}
      />
      <Section title="Neighbouring counties">
        <ul className="link-list">
          {county.neighbours.map((neighbour) => (
            <li key={neighbour}>
              <SelectButton target={{ kind: 'county', id: neighbour }}>
                {names.area(neighbour)}
              </SelectButton>
            </li>
          ))}
        </ul>
      </Section>
      <p className="muted">
        Activity types here are those of organisations working in the county; nationwide
        organisations count only in the gap, at the weight set in Gaps (now{' '}
        {nationwideWeight === 0 ? '0: not counted' : nationwideWeight}). {names.area(id)} is shaded
        on the map by the measure chosen above it.
      </p>
    </section>
  );
}

/** Details of the selected county or municipality; a list to pick one from otherwise. */
export function AreaPanel() {
  const selection = useHarta((state) => state.selection);
  const gazetteer = useHarta((state) => state.gazetteer);
  if (selection?.kind === 'municipality') return <MunicipalityDetails id={selection.id} />;
  if (selection?.kind === 'county') return <CountyDetails id={selection.id} />;
  return (
    <div className="area-picker">
      <p className="panel-intro">Pick a county or municipality, on the map or here.</p>
      {gazetteer.counties.map((county) => (
        <details key={county.id}>
          <summary>{county.name}</summary>
          <ul className="link-list">
            <li>
              <SelectButton target={{ kind: 'county', id: county.id }}>
                {county.name} county as a whole
              </SelectButton>
            </li>
            {gazetteer.municipalities
              .filter((m) => m.county === county.id)
              .map((m) => (
                <li key={m.id}>
                  <SelectButton target={{ kind: 'municipality', id: m.id }}>{m.name}</SelectButton>
                </li>
              ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
