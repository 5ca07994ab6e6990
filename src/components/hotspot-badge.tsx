import type { HotspotLevel } from '../domain/dataset';
import { HOTSPOT_LEVEL_LABEL } from './hotspot-labels';

/** A visible, text-bearing mark for hotspot municipalities (colour is never the only cue). */
export function HotspotBadge({ level }: { level: HotspotLevel }) {
  if (level === 0) return null;
  return (
    <span className={`hotspot-badge level-${level}`} title={HOTSPOT_LEVEL_LABEL[level]}>
      {HOTSPOT_LEVEL_LABEL[level]}
    </span>
  );
}
