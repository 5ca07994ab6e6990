import type { HotspotLevel } from '../domain/dataset';

/** How each hotspot level is named on screen. */
export const HOTSPOT_LEVEL_LABEL: Record<HotspotLevel, string> = {
  3: 'Priority hotspot',
  2: 'Hotspot: partner / council',
  1: 'Hotspot: focus area',
  0: '',
};
