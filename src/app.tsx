import { useMemo, useState } from 'react';
import type { LoadedData } from './io/load-data';
import { buildReport } from './domain/report';
import { matchesSearch } from './domain/search-text';
import { Attribution } from './components/attribution';
import { DataProblems } from './components/data-problems';
import { MunicipalityTable } from './components/municipality-table';
import { OrganisationTable } from './components/organisation-table';

interface AppProps {
  data: LoadedData;
}

/** The app shell: who works where, as lists, until the map arrives. */
export function App({ data }: AppProps) {
  const [query, setQuery] = useState('');
  const view = useMemo(() => {
    if (!data.ok) return null;
    const { dataset, gazetteer } = data;
    const areaNames = new Map<string, string>([
      ...gazetteer.counties.map((county) => [county.id, county.name] as const),
      ...gazetteer.municipalities.map(
        (municipality) => [municipality.id, municipality.name] as const,
      ),
    ]);
    const settlementsByMunicipality = new Map<string, string[]>();
    for (const settlement of gazetteer.settlements) {
      const list = settlementsByMunicipality.get(settlement.municipality) ?? [];
      list.push(settlement.name);
      settlementsByMunicipality.set(settlement.municipality, list);
    }
    const report = buildReport(dataset, gazetteer);
    const municipalityById = new Map(gazetteer.municipalities.map((m) => [m.id, m]));
    return { dataset, gazetteer, areaNames, settlementsByMunicipality, report, municipalityById };
  }, [data]);

  if (!data.ok || !view) {
    return (
      <div className="app">
        <main>
          <h1>Harta</h1>
          <DataProblems problems={data.problems} />
        </main>
      </div>
    );
  }

  const { dataset, gazetteer, areaNames, settlementsByMunicipality, report, municipalityById } =
    view;
  const areaName = (id: string) => areaNames.get(id) ?? id;
  const placeTexts = (id: string) => {
    const municipality = municipalityById.get(id);
    return [
      areaName(id),
      ...(municipality?.aliases ?? []),
      ...(settlementsByMunicipality.get(id) ?? []),
    ];
  };
  const organisations = dataset.organisations.filter((organisation) =>
    matchesSearch(query, [
      organisation.name,
      organisation.acronym ?? '',
      organisation.geographicFocus,
      ...organisation.municipalityIds.flatMap(placeTexts),
      ...organisation.countyIds.map(areaName),
    ]),
  );
  const municipalities = report.municipalities.filter((municipality) =>
    matchesSearch(query, [...placeTexts(municipality.id), municipality.county]),
  );
  const hotspotCount = report.municipalities.filter((m) => m.hotspot).length;

  return (
    <div className="app">
      <header className="app-header">
        <h1>Harta</h1>
        <p className="tagline">
          Who does what, where, to prevent and counter violent extremism in {gazetteer.country.name}
        </p>
        <p className="summary">
          {dataset.organisations.length} organisations · {gazetteer.municipalities.length}{' '}
          municipalities in {gazetteer.counties.length} counties · {hotspotCount} hotspot
          municipalities
        </p>
      </header>
      <main>
        <DataProblems problems={data.problems} />
        <div className="search">
          <label htmlFor="search">Search organisations, municipalities, towns and villages</label>
          <input
            id="search"
            type="search"
            value={query}
            placeholder="e.g. cerrik, kukesi, Paskuqan, youth"
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <section aria-labelledby="municipalities-title">
          <h2 id="municipalities-title">
            Municipalities <span className="count">({municipalities.length})</span>
          </h2>
          <MunicipalityTable municipalities={municipalities} />
        </section>
        <section aria-labelledby="organisations-title">
          <h2 id="organisations-title">
            Organisations <span className="count">({organisations.length})</span>
          </h2>
          <OrganisationTable
            organisations={organisations}
            activityTypes={dataset.activityTypes}
            organisationKinds={dataset.organisationKinds}
            areaName={areaName}
          />
        </section>
      </main>
      <Attribution gazetteer={gazetteer} documents={dataset.documents} />
    </div>
  );
}
