import type { HotspotLevel } from '../domain/dataset';
import { useT } from '../i18n/use-t';
import { hotspotLevelLabel } from './hotspot-labels';

/** A visible, text-bearing mark for hotspot municipalities (colour is never the only cue). */
export function HotspotBadge({ level }: { level: HotspotLevel }) {
  const t = useT();
  if (level === 0) return null;
  const label = hotspotLevelLabel(level, t);
  return (
    <span className={`hotspot-badge level-${level}`} title={label}>
      {label}
    </span>
  );
}
