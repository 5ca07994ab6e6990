import type { HotspotLevel } from '../domain/dataset';
import type { Translate } from '../i18n/messages';
import { hotspotLevelLabel } from './hotspot-labels';

/**
 * A visible, text-bearing mark for hotspot municipalities (colour is never the only cue). The
 * words come from the caller, which has them: a badge per row of a ranking is no store
 * subscription per row.
 */
export function HotspotBadge({ level, t }: { level: HotspotLevel; t: Translate }) {
  if (level === 0) return null;
  const label = hotspotLevelLabel(level, t);
  return (
    <span className={`hotspot-badge level-${level}`} title={label}>
      {label}
    </span>
  );
}
