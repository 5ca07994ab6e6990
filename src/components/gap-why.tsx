import { describeGap } from '../domain/gap-explanation';
import { reachFor } from '../domain/reach';
import {
  selectCountyGapRanking,
  selectFilteredOrganisations,
  selectGapExplanations,
  selectMunicipalityCoverage,
  selectNames,
  selectSeatDistances,
} from '../store/selectors';
import { useHarta } from '../store/store-context';
import { SelectButton } from './select-button';

const fixed = (value: number, digits = 2) => value.toFixed(digits);

/**
 * The inputs of one municipality's gap score, term by term, with the evidence for its hotspot
 * level and, for each activity type nobody does there, the nearest municipality where someone
 * does it (so a neighbour's programme could extend rather than start anew).
 */
export function GapWhy({ municipalityId }: { municipalityId: string }) {
  const explanation = useHarta(selectGapExplanations).get(municipalityId);
  const names = useHarta(selectNames);
  const coverage = useHarta(selectMunicipalityCoverage);
  const organisations = useHarta(selectFilteredOrganisations);
  const distances = useHarta(selectSeatDistances);
  if (!explanation) return null;
  const terms = explanation.presenceTerms;
  const reach = reachFor(
    municipalityId,
    explanation.missingActivityTypes,
    coverage,
    organisations,
    distances,
  );
  const orgName = (id: string) => names.organisation(id)?.name ?? id;
  return (
    <div className="gap-why">
      <p className="gap-why-sentence">{describeGap(explanation, names)}</p>
      <table className="gap-inputs">
        <caption className="visually-hidden">
          Inputs of the gap score of {names.area(municipalityId)}
        </caption>
        <tbody>
          <tr>
            <th scope="row">Need</th>
            <td>
              0.25 + 0.25 × hotspot level {explanation.hotspotLevel} ={' '}
              <strong>{fixed(explanation.need)}</strong>
            </td>
          </tr>
          <tr>
            <th scope="row">Presence</th>
            <td>
              {terms.local} named × 1 + {explanation.countyWide} county-wide × 0.5 +{' '}
              {explanation.nationwide} nationwide × {explanation.nationwideWeight} ={' '}
              <strong>{explanation.presence}</strong>
            </td>
          </tr>
          <tr>
            <th scope="row">Coverage</th>
            <td>
              1 − e<sup>−{explanation.presence}/2</sup> ={' '}
              <strong>{fixed(explanation.coverage)}</strong>
            </td>
          </tr>
          <tr>
            <th scope="row">Gap</th>
            <td>
              {fixed(explanation.need)} × (1 − {fixed(explanation.coverage)}) ={' '}
              <strong>{fixed(explanation.gapScore)}</strong>, rank {explanation.rank}
            </td>
          </tr>
        </tbody>
      </table>
      {explanation.evidence.length > 0 ? (
        <details className="gap-evidence">
          <summary>
            Hotspot evidence ({explanation.evidence.length}{' '}
            {explanation.evidence.length === 1 ? 'passage' : 'passages'})
          </summary>
          <ul>
            {explanation.evidence.map((item, index) => (
              <li key={index}>
                <q>{item.quote}</q>{' '}
                <span className="muted">
                  Level {item.level}, {names.document(item.document)}, {item.location}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {reach.length > 0 ? (
        <div className="gap-reach">
          <h4>Nearest place doing what is missing here (seat to seat)</h4>
          <ul>
            {reach.map((option) => (
              <li key={option.activityType}>
                <span className="reach-type">
                  {names.activityType.get(option.activityType) ?? option.activityType}
                </span>
                :{' '}
                {option.nearest === null ? (
                  <span className="muted">nobody names a municipality for it</span>
                ) : (
                  <>
                    <SelectButton
                      target={{ kind: 'municipality', id: option.nearest.municipalityId }}
                    >
                      {names.area(option.nearest.municipalityId)}
                    </SelectButton>{' '}
                    {option.nearest.km} km ({option.nearest.organisations.map(orgName).join(', ')})
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** A county's gap: the need-weighted mean of its municipalities', with each term shown. */
export function CountyGapWhy({ countyId }: { countyId: string }) {
  const ranking = useHarta(selectCountyGapRanking);
  const coverage = useHarta(selectMunicipalityCoverage);
  const names = useHarta(selectNames);
  const index = ranking.findIndex((entry) => entry.id === countyId);
  const gap = ranking[index];
  if (!gap) return null;
  const members = gap.municipalities.flatMap((id) => coverage.get(id) ?? []);
  const totalNeed = members.reduce((sum, entry) => sum + entry.need, 0);
  return (
    <div className="gap-why">
      <p className="gap-why-sentence">
        {names.area(countyId)} county: gap {fixed(gap.gapScore)}, rank {index + 1} of{' '}
        {ranking.length}. The mean of its {members.length} municipalities&apos; gaps, each weighted
        by its need (Σ need × gap / Σ need = Σ need × gap / {fixed(totalNeed)}).
      </p>
      <table className="gap-inputs">
        <caption className="visually-hidden">
          Municipalities of {names.area(countyId)} county and their gaps
        </caption>
        <thead>
          <tr>
            <th scope="col">Municipality</th>
            <th scope="col">Need</th>
            <th scope="col">Gap</th>
          </tr>
        </thead>
        <tbody>
          {members.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">
                <SelectButton target={{ kind: 'municipality', id: entry.id }}>
                  {names.area(entry.id)}
                </SelectButton>
              </th>
              <td>{fixed(entry.need)}</td>
              <td>{fixed(entry.gapScore)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
