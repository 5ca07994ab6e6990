import { isTie } from '../domain/coverage';
import { describeGap } from '../domain/gap-explanation';
import { reachFor } from '../domain/reach';
import {
  selectCountyGapRanking,
  selectCountyGapTies,
  selectFilteredOrganisations,
  selectGapExplanations,
  selectGapTies,
  selectMunicipalityCoverage,
  selectNames,
  selectSeatDistances,
} from '../store/selectors';
import { useHarta } from '../store/store-context';
import { SelectButton } from './select-button';

const fixed = (value: number, digits = 2) => value.toFixed(digits);

/** ", tied: ranks 4–11 share it (listed by name)", or nothing. */
function TieText({ tie }: { tie: { first: number; last: number } | null }) {
  if (tie === null) return null;
  return (
    <>
      {' '}
      (tied: ranks {tie.first}–{tie.last} share it; listed by name)
    </>
  );
}

/**
 * The inputs of one municipality's gap score, term by term, with the evidence for its hotspot
 * level and, for each activity type nobody does there, the nearest municipality where someone
 * does it (so a neighbour's programme could extend rather than start anew).
 */
export function GapWhy({ municipalityId }: { municipalityId: string }) {
  const explanation = useHarta(selectGapExplanations).get(municipalityId);
  const ties = useHarta(selectGapTies);
  const names = useHarta(selectNames);
  const coverage = useHarta(selectMunicipalityCoverage);
  const organisations = useHarta(selectFilteredOrganisations);
  const distances = useHarta(selectSeatDistances);
  const own = coverage.get(municipalityId);
  if (!explanation || !own) return null;
  // Tied as the Gaps list marks it: what `rankGaps` compares before the name.
  const span = ties[explanation.rank - 1];
  const tie = isTie(span) ? span : null;
  const typeName = (id: string) => names.activityType.get(id) ?? id;
  const reach = reachFor(
    municipalityId,
    explanation.missingActivityTypes,
    coverage,
    organisations,
    distances,
  );
  const orgName = (id: string) => {
    const organisation = names.organisation(id);
    return `${organisation?.name ?? id}${organisation?.planned ? ' (planned)' : ''}`;
  };
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
              {explanation.local} named × 1 + {explanation.countyWide} county-wide × 0.5 +{' '}
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
              {tie ? '=' : ''}
              <TieText tie={tie} />
            </td>
          </tr>
          <tr>
            <th scope="row">Missing</th>
            <td>
              {explanation.missingActivityTypes.length === 0
                ? 'none'
                : explanation.missingActivityTypes.map(typeName).join(', ')}{' '}
              <span className="muted">
                ({explanation.missingActivityTypes.length} of {explanation.consideredActivityTypes})
              </span>
              {own.activityTypesNationwideOnly.length > 0 ? (
                <>
                  <br />
                  Of these, only nationwide organisations do:{' '}
                  {own.activityTypesNationwideOnly.map(typeName).join(', ')} (they never make a type
                  present here)
                </>
              ) : null}
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
                <span className="reach-type">{typeName(option.activityType)}</span>:{' '}
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
  const countyTies = useHarta(selectCountyGapTies);
  const coverage = useHarta(selectMunicipalityCoverage);
  const names = useHarta(selectNames);
  const index = ranking.findIndex((entry) => entry.id === countyId);
  const gap = ranking[index];
  if (!gap) return null;
  const members = gap.municipalities.flatMap((id) => coverage.get(id) ?? []);
  const totalNeed = members.reduce((sum, entry) => sum + entry.need, 0);
  const weighted = members.reduce((sum, entry) => sum + entry.need * entry.gapScore, 0);
  const span = countyTies[index];
  const tie = isTie(span) ? span : null;
  return (
    <div className="gap-why">
      <p className="gap-why-sentence">
        {names.area(countyId)} county: gap {fixed(gap.gapScore)}, rank {index + 1}
        {tie ? '=' : ''} of {ranking.length}
        <TieText tie={tie} />. The mean of its {members.length} municipalities&apos; gaps, each
        weighted by its need: Σ need × gap = {fixed(weighted, 3)}, Σ need = {fixed(totalNeed)},{' '}
        {fixed(weighted, 3)} / {fixed(totalNeed)} = <strong>{fixed(gap.gapScore, 3)}</strong>.
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
