import type { LegendWords } from '../domain/legend-entries';
import { formatNumber, translator, type Lang } from './messages';

/** The legend's words (for slide images) in `lang`, from the map table. */
export function legendWords(lang: Lang): LegendWords {
  const t = translator(lang);
  const count = (n: number) => formatNumber(lang, n);
  return {
    boundaries: t('legend.boundaries'),
    boundariesNote: (shaded, total, fileName) =>
      t('legend.boundaries.slide', count(shaded), count(total), fileName),
    counties: (measure) => t('legend.counties', measure),
    zeroEverywhere: t('legend.zeroEverywhere'),
    circleSize: t('legend.circleSize'),
    count,
    nobody: t('legend.nobody'),
    gapColourAreas: t('legend.gapColour.areas'),
    gapColourCircles: t('legend.gapColour.circles'),
    covered: t('legend.covered'),
    underserved: t('legend.underserved'),
    hotspotAreas: t('legend.hotspot.areas'),
    hotspotCircles: t('legend.hotspot.circles'),
    hotspotStrength: t('legend.hotspot.strength'),
    planned: t('legend.planned'),
    plannedArea: t('legend.planned.area'),
    emphasis: t('legend.emphasis'),
    selected: t('legend.emphasis.selected'),
    highlighted: t('legend.emphasis.highlighted'),
  };
}
