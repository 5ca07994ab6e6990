import { EvidenceSource } from './evidence-source';
import type { ReactNode } from 'react';
import { hotspotLevels, taxonomyLabel, type TaxonomyEntry } from '../domain/dataset';
import { nearestMunicipalities } from '../domain/nearest-areas';
import { formatNumber } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import {
  selectCountyCoverage,
  selectMunicipalityCoverage,
  selectNames,
  selectSeatDistances,
} from '../store/selectors';
import { useHarta } from '../store/store-context';
import { SelectButton } from './select-button';
import { HotspotBadge } from './hotspot-badge';
import { gapWords } from './hotspot-labels';
import { CountyGapWhy, GapWhy } from './gap-why';
import type { AreaRef } from '../domain/view-state';

/** A count or score in the interface's language. */
function useNumber() {
  const lang = useHarta((state) => state.lang);
  return (value: number, digits?: number) => formatNumber(lang, value, digits);
}

function OrganisationButtons({ ids, empty }: { ids: readonly string[]; empty: string }) {
  const names = useHarta(selectNames);
  if (ids.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="link-list">
      {ids.map((id) => (
        <li key={id}>
          <SelectButton target={{ kind: 'organisation', id }}>
            <span translate="no">{names.organisation(id)?.name ?? id}</span>
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
  all: TaxonomyEntry[];
  label: string;
}) {
  const t = useT();
  const lang = useHarta((state) => state.lang);
  const missing = all.filter((type) => !present.has(type.id));
  return (
    <div className="type-chips">
      <h4>{label}</h4>
      <p>
        <span className="visually-hidden">{t('gaps.area.present')}</span>
        {all
          .filter((type) => present.has(type.id))
          .map((type) => (
            <span key={type.id} className="chip present">
              {taxonomyLabel(type, lang)}
            </span>
          ))}
      </p>
      {missing.length > 0 ? (
        <p>
          <span className="chip-heading">{t('gaps.area.missing')}</span>
          {missing.map((type) => (
            <span key={type.id} className="chip missing">
              {taxonomyLabel(type, lang)}
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
  const t = useT();
  return (
    <p className="area-actions">
      <button type="button" className="secondary-button" onClick={() => startPlan(area)}>
        {t('gaps.area.plan', name)}
      </button>{' '}
      <button type="button" className="secondary-button" onClick={() => compareWith(area)}>
        {t('gaps.area.compare', name)}
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
  const lang = useHarta((state) => state.lang);
  const t = useT();
  const number = useNumber();
  const municipality = gazetteer.municipalities.find((m) => m.id === id);
  if (!municipality || !coverage) return null;
  const consideredTypes =
    filteredTypes.length > 0
      ? dataset.activityTypes.filter((type) => filteredTypes.includes(type.id))
      : dataset.activityTypes;
  const evidence = dataset.hotspotEvidence.filter((item) => item.municipalityId === id);
  const documents = new Map(dataset.documents.map((d) => [d.id, d]));
  const none = t('gaps.area.none');
  const activityTypesLabel = t(
    filteredTypes.length > 0 ? 'gaps.area.activityTypesFiltered' : 'gaps.area.activityTypes',
  );
  return (
    <section
      className="area-panel"
      aria-label={t('gaps.area.municipalityDetails', municipality.name)}
    >
      <h2 tabIndex={-1}>{municipality.name}</h2>
      <p className="panel-subtitle">
        {t('gaps.area.municipalityIn')}{' '}
        <SelectButton target={{ kind: 'county', id: municipality.county }}>
          {t('gaps.area.inCounty', names.area(municipality.county))}
        </SelectButton>{' '}
        <HotspotBadge level={coverage.hotspotLevel} t={t} />
      </p>
      <AreaActions area={{ level: 'municipality', id }} name={municipality.name} />
      <Section title={t('gaps.area.gapWhy', number(coverage.gapScore, 2))}>
        <GapWhy municipalityId={id} />
      </Section>
      <Section title={t('gaps.area.naming', municipality.name, number(coverage.local.length))}>
        <OrganisationButtons ids={coverage.local} empty={none} />
      </Section>
      <Section
        title={t(
          'gaps.area.countyWide',
          names.area(municipality.county),
          number(coverage.countyWide.length),
        )}
      >
        <OrganisationButtons ids={coverage.countyWide} empty={none} />
      </Section>
      <Section title={t('gaps.area.nationwide', number(coverage.nationwide.length))}>
        <OrganisationButtons ids={coverage.nationwide} empty={none} />
      </Section>
      <TypeChips
        label={activityTypesLabel}
        present={new Set(coverage.activityTypesCovered)}
        all={consideredTypes}
      />
      <TypeChips
        label={t('gaps.area.focusTypes')}
        present={new Set(coverage.focusTypesCovered)}
        all={dataset.focusTypes}
      />
      <Section title={t('gaps.area.evidence')}>
        {evidence.length === 0 ? (
          <p className="muted">{t('gaps.area.noEvidence', municipality.name)}</p>
        ) : (
          evidence.map((item, index) => (
            <figure key={index} className="evidence">
              <blockquote lang="en">{item.quote}</blockquote>
              <figcaption>
                {t(
                  'gaps.area.evidenceLevel',
                  number(item.level),
                  gapWords(lang).evidenceKind(item.kind, item.level),
                )}{' '}
                <EvidenceSource
                  title={documents.get(item.document)?.title ?? item.document}
                  location={item.location}
                  note={item.note}
                />
              </figcaption>
            </figure>
          ))
        )}
      </Section>
      <Section title={t('gaps.area.nearest')}>
        <ul className="link-list">
          {nearestMunicipalities(distances, id).map((near) => (
            <li key={near.id}>
              <SelectButton target={{ kind: 'municipality', id: near.id }}>
                {names.area(near.id)}
              </SelectButton>{' '}
              <span className="muted">{number(near.km)} km</span>
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
  const t = useT();
  const number = useNumber();
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
    <section className="area-panel" aria-label={t('gaps.area.countyDetails', county.name)}>
      <h2 tabIndex={-1}>{county.name}</h2>
      <p className="panel-subtitle">
        {t('gaps.area.countySubtitle', number(municipalities.length))}
      </p>
      <AreaActions area={{ level: 'county', id }} name={county.name} />
      <Section title={t('gaps.area.countyGapWhy')}>
        <CountyGapWhy countyId={id} />
      </Section>
      <Section title={t('gaps.area.municipalitiesOf', county.name)}>
        <ul className="link-list">
          {municipalities.map((m) => (
            <li key={m.id}>
              <SelectButton target={{ kind: 'municipality', id: m.id }}>{m.name}</SelectButton>{' '}
              <span className="muted">
                {t(
                  'gaps.area.namingIt',
                  municipalityCoverage.get(m.id)?.counts.local ?? 0,
                  number(municipalityCoverage.get(m.id)?.counts.local ?? 0),
                )}
              </span>{' '}
              <HotspotBadge level={levels.get(m.id) ?? 0} t={t} />
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('gaps.area.workingIn', county.name, number(coverage.organisations.length))}>
        <OrganisationButtons ids={coverage.organisations} empty={t('gaps.area.none')} />
      </Section>
      <TypeChips
        label={t(
          filteredTypes.length > 0 ? 'gaps.area.activityTypesFiltered' : 'gaps.area.activityTypes',
        )}
        present={present}
        all={consideredTypes}
      />
      <Section title={t('gaps.area.neighbours')}>
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
        {t(
          'gaps.area.countyNote',
          nationwideWeight === 0 ? null : number(nationwideWeight),
          names.area(id),
        )}
      </p>
    </section>
  );
}

/** Details of the selected county or municipality; a list to pick one from otherwise. */
export function AreaPanel() {
  const selection = useHarta((state) => state.selection);
  const gazetteer = useHarta((state) => state.gazetteer);
  const t = useT();
  if (selection?.kind === 'municipality') return <MunicipalityDetails id={selection.id} />;
  if (selection?.kind === 'county') return <CountyDetails id={selection.id} />;
  return (
    <div className="area-picker">
      <p className="panel-intro">{t('gaps.area.pick')}</p>
      {gazetteer.counties.map((county) => (
        <details key={county.id}>
          <summary>{county.name}</summary>
          <ul className="link-list">
            <li>
              <SelectButton target={{ kind: 'county', id: county.id }}>
                {t('gaps.area.wholeCounty', county.name)}
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
