import type { Organisation, TaxonomyEntry } from '../domain/dataset';
import { normaliseWebsite } from '../domain/website';

interface OrganisationTableProps {
  organisations: Organisation[];
  activityTypes: TaxonomyEntry[];
  organisationKinds: TaxonomyEntry[];
  areaName: (id: string) => string;
}

/** A link only for a checked http(s) address; anything else is shown as text. */
function Website({ url }: { url: string | null }) {
  if (url === null) return <span className="muted">none given</span>;
  const safe = normaliseWebsite(url).url;
  if (safe === null) return <span>{url}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {new URL(safe).hostname.replace(/^www\./, '')}
    </a>
  );
}

/** The organisations of the dataset with kind, areas, activity types, website and source. */
export function OrganisationTable({
  organisations,
  activityTypes,
  organisationKinds,
  areaName,
}: OrganisationTableProps) {
  const label = (entries: TaxonomyEntry[], id: string) =>
    entries.find((entry) => entry.id === id)?.label ?? id;
  return (
    <table className="data-table" aria-label="Organisations">
      <thead>
        <tr>
          <th scope="col">Organisation</th>
          <th scope="col">Kind</th>
          <th scope="col">Where</th>
          <th scope="col">Activity types</th>
          <th scope="col">Website</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {organisations.map((organisation) => (
          <tr key={organisation.id}>
            <th scope="row">
              {organisation.name}
              {organisation.acronym ? (
                <span className="muted"> ({organisation.acronym})</span>
              ) : null}
            </th>
            <td>{label(organisationKinds, organisation.kind)}</td>
            <td>
              {organisation.scope === 'national'
                ? 'Nationwide'
                : [
                    ...organisation.municipalityIds,
                    ...organisation.countyIds.map((id) => `county:${id}`),
                  ]
                    .map((id) =>
                      id.startsWith('county:') ? `${areaName(id.slice(7))} (county)` : areaName(id),
                    )
                    .join(', ')}
            </td>
            <td>{organisation.activityTypes.map((id) => label(activityTypes, id)).join(', ')}</td>
            <td>
              <Website url={organisation.website} />
            </td>
            <td>
              {organisation.source.row === null
                ? 'Added'
                : `Annex I, row ${organisation.source.row}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
