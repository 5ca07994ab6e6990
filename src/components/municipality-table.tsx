import type { MunicipalityReport } from '../domain/report';

interface MunicipalityTableProps {
  municipalities: MunicipalityReport[];
}

const HOTSPOT_LABEL: Record<number, string> = {
  3: 'Priority',
  2: 'Partner / council',
  1: 'Focus area',
};

/** The 61 municipalities with hotspot status and presence counts. */
export function MunicipalityTable({ municipalities }: MunicipalityTableProps) {
  return (
    <table className="data-table" aria-label="Municipalities">
      <thead>
        <tr>
          <th scope="col">Municipality</th>
          <th scope="col">County</th>
          <th scope="col">Hotspot</th>
          <th scope="col" className="number">
            Organisations naming it
          </th>
          <th scope="col" className="number">
            County-wide organisations
          </th>
        </tr>
      </thead>
      <tbody>
        {municipalities.map((municipality) => (
          <tr key={municipality.id} className={municipality.hotspot ? 'hotspot' : undefined}>
            <th scope="row">{municipality.name}</th>
            <td>{municipality.county}</td>
            <td>
              {municipality.hotspot ? (HOTSPOT_LABEL[municipality.hotspotLevel] ?? 'Yes') : ''}
            </td>
            <td className="number">{municipality.organisations}</td>
            <td className="number">{municipality.countyWideOrganisations}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
