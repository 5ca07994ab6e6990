import { useId } from 'react';
import { SUGGESTED_NATIONWIDE_WEIGHT } from '../domain/coverage';
import { formatNumber } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { useHarta } from '../store/store-context';

/**
 * How much a nationwide organisation counts in every municipality: 0 (not counted: "the whole
 * territory" rarely means every town) up to 1 (as much as one naming the municipality).
 */
export function NationwideWeight() {
  const id = useId();
  const weight = useHarta((state) => state.nationwideWeight);
  const setWeight = useHarta((state) => state.setNationwideWeight);
  const lang = useHarta((state) => state.lang);
  const t = useT();
  return (
    <div className="nationwide-weight">
      <label htmlFor={id}>{t('gaps.weight.label')}</label>
      <div className="nationwide-weight-row">
        <input
          id={id}
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={weight}
          aria-valuetext={
            weight === 0 ? t('gaps.weight.zeroValueText') : formatNumber(lang, weight)
          }
          onChange={(event) => setWeight(Number(event.target.value))}
        />
        <output htmlFor={id}>
          {weight === 0 ? t('gaps.weight.zero') : formatNumber(lang, weight, 2)}
        </output>
        {weight === 0 ? (
          <button
            type="button"
            className="link-button"
            onClick={() => setWeight(SUGGESTED_NATIONWIDE_WEIGHT)}
          >
            {t('gaps.weight.count', formatNumber(lang, SUGGESTED_NATIONWIDE_WEIGHT))}
          </button>
        ) : (
          <button type="button" className="link-button" onClick={() => setWeight(0)}>
            {t('gaps.weight.dontCount')}
          </button>
        )}
      </div>
    </div>
  );
}
