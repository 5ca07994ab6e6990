import { isTie } from '../domain/coverage';
import { gapCounts, type GapExplanation } from '../domain/gap-explanation';
import { reachFor } from '../domain/reach';
import { formatNumber } from '../i18n/messages';
import { useT } from '../i18n/use-t';
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
import { gapWords } from './hotspot-labels';
import { SelectButton } from './select-button';

/** A number in the interface's language: `fixed(0.781)` "0.78" / "0,78". */
function useNumbers() {
  const lang = useHarta((state) => state.lang);
  return {
    fixed: (value: number, digits = 2) => formatNumber(lang, value, digits),
    number: (value: number) => formatNumber(lang, value),
  };
}

/** " (tied: ranks 4–11 share it; listed by name)", or nothing. */
function TieText({ tie }: { tie: { first: number; last: number } | null }) {
  const t = useT();
  const { number } = useNumbers();
  if (tie === null) return null;
  return <> {t('gaps.why.tie', number(tie.first), number(tie.last))}</>;
}

/**
 * The gap sentence (`describeGap`) in the interface's language, with the quoted document's
 * title and location marked as English.
 */
function GapSentence({ explanation }: { explanation: GapExplanation }) {
  const lang = useHarta((state) => state.lang);
  const names = useHarta(selectNames);
  const words = gapWords(lang);
  const [first, ...rest] = explanation.evidence;
  return (
    <p className="gap-why-sentence">
      {names.area(explanation.municipalityId)}: {words.hotspot(explanation.hotspotLevel)}
      {first ? (
        <>
          {' '}
          ({words.evidenceKind(first.kind, first.level)}:{' '}
          <span lang="en">{names.document(first.document)}</span>,{' '}
          <span lang="en">{first.location}</span>
          {words.moreEvidence(rest.length)})
        </>
      ) : null}
      , {words.counts(gapCounts(explanation))}
    </p>
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
  const t = useT();
  const { fixed, number } = useNumbers();
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
  const orgName = (id: string, index: number) => {
    const organisation = names.organisation(id);
    return (
      <span key={id}>
        {index > 0 ? ', ' : null}
        <span translate="no">{organisation?.name ?? id}</span>
        {organisation?.planned ? t('gaps.why.planned') : null}
      </span>
    );
  };
  return (
    <div className="gap-why">
      <GapSentence explanation={explanation} />
      <table className="gap-inputs">
        <caption className="visually-hidden">
          {t('gaps.why.caption', names.area(municipalityId))}
        </caption>
        <tbody>
          <tr>
            <th scope="row">{t('gaps.why.need')}</th>
            <td>
              {t('gaps.why.needTerms', number(explanation.hotspotLevel))}{' '}
              <strong>{fixed(explanation.need)}</strong>
            </td>
          </tr>
          <tr>
            <th scope="row">{t('gaps.why.presence')}</th>
            <td>
              {t('gaps.why.presenceTerms', {
                local: number(explanation.local),
                countyWide: number(explanation.countyWide),
                nationwide: number(explanation.nationwide),
                weight: number(explanation.nationwideWeight),
              })}{' '}
              <strong>{number(explanation.presence)}</strong>
            </td>
          </tr>
          <tr>
            <th scope="row">{t('gaps.why.coverage')}</th>
            <td>
              1 − e<sup>−{number(explanation.presence)}/2</sup> ={' '}
              <strong>{fixed(explanation.coverage)}</strong>
            </td>
          </tr>
          <tr>
            <th scope="row">{t('gaps.why.gap')}</th>
            <td>
              {fixed(explanation.need)} × (1 − {fixed(explanation.coverage)}) ={' '}
              <strong>{fixed(explanation.gapScore)}</strong>
              {t('gaps.why.rank', number(explanation.rank))}
              {tie ? '=' : ''}
              <TieText tie={tie} />
            </td>
          </tr>
          <tr>
            <th scope="row">{t('gaps.why.missing')}</th>
            <td>
              {explanation.missingActivityTypes.length === 0
                ? t('gaps.why.none')
                : explanation.missingActivityTypes.map(typeName).join(', ')}{' '}
              <span className="muted">
                {t(
                  'gaps.why.ofConsidered',
                  number(explanation.missingActivityTypes.length),
                  number(explanation.consideredActivityTypes),
                )}
              </span>
              {own.activityTypesNationwideOnly.length > 0 ? (
                <>
                  <br />
                  {t('gaps.why.nationwideOnly')}{' '}
                  {own.activityTypesNationwideOnly.map(typeName).join(', ')}{' '}
                  {t('gaps.why.nationwideOnlyNote')}
                </>
              ) : null}
            </td>
          </tr>
        </tbody>
      </table>
      {explanation.evidence.length > 0 ? (
        <details className="gap-evidence">
          <summary>
            {t(
              'gaps.why.evidence',
              explanation.evidence.length,
              number(explanation.evidence.length),
            )}
          </summary>
          <ul>
            {explanation.evidence.map((item, index) => (
              <li key={index}>
                <q lang="en">{item.quote}</q>{' '}
                <span className="muted">
                  {t('gaps.why.level', number(item.level))},{' '}
                  <span lang="en">{names.document(item.document)}</span>,{' '}
                  <span lang="en">{item.location}</span>
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {reach.length > 0 ? (
        <div className="gap-reach">
          <h4>{t('gaps.why.reach')}</h4>
          <ul>
            {reach.map((option) => (
              <li key={option.activityType}>
                <span className="reach-type">{typeName(option.activityType)}</span>:{' '}
                {option.nearest === null ? (
                  <span className="muted">{t('gaps.why.reachNobody')}</span>
                ) : (
                  <>
                    <SelectButton
                      target={{ kind: 'municipality', id: option.nearest.municipalityId }}
                    >
                      {names.area(option.nearest.municipalityId)}
                    </SelectButton>{' '}
                    {number(option.nearest.km)} km ({option.nearest.organisations.map(orgName)})
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
  const t = useT();
  const { fixed, number } = useNumbers();
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
        {t('gaps.countyWhy.head', {
          county: names.area(countyId),
          gap: fixed(gap.gapScore),
          rank: `${number(index + 1)}${tie ? '=' : ''}`,
          of: number(ranking.length),
        })}
        <TieText tie={tie} />
        {t('gaps.countyWhy.mean', {
          count: number(members.length),
          weighted: fixed(weighted, 3),
          need: fixed(totalNeed),
        })}{' '}
        <strong>{fixed(gap.gapScore, 3)}</strong>.
      </p>
      <table className="gap-inputs">
        <caption className="visually-hidden">
          {t('gaps.countyWhy.caption', names.area(countyId))}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('gaps.countyWhy.municipality')}</th>
            <th scope="col">{t('gaps.why.need')}</th>
            <th scope="col">{t('gaps.why.gap')}</th>
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
