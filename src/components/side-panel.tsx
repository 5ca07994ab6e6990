import { useRef, type KeyboardEvent } from 'react';
import type { PanelTab } from '../domain/view-state';
import { useHarta } from '../store/store-context';
import { AreaPanel } from './area-panel';
import { GapsPanel } from './gaps-panel';
import { OrganisationPanel } from './organisation-panel';

const TABS: { id: PanelTab; label: string }[] = [
  { id: 'gaps', label: 'Coverage gaps' },
  { id: 'area', label: 'Area' },
  { id: 'organisation', label: 'Organisation' },
];

/** The panels, as tabs (WAI-ARIA tabs pattern: arrow keys move between tabs). */
export function SidePanel() {
  const tab = useHarta((state) => state.tab);
  const setTab = useHarta((state) => state.setTab);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex((entry) => entry.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? TABS.length - 1
          : (index + step + TABS.length) % TABS.length;
    const target = TABS[next];
    if (target) {
      setTab(target.id);
      tabRefs.current[next]?.focus();
    }
  };

  return (
    <section className="side-panel" aria-label="Panels">
      <div role="tablist" aria-label="Panels" className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((entry, index) => (
          <button
            key={entry.id}
            ref={(element) => {
              tabRefs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${entry.id}`}
            aria-selected={tab === entry.id}
            aria-controls={`tabpanel-${entry.id}`}
            tabIndex={tab === entry.id ? 0 : -1}
            onClick={() => setTab(entry.id)}
          >
            {entry.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`tabpanel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        className="tab-panel"
        tabIndex={0}
      >
        {tab === 'gaps' ? <GapsPanel /> : tab === 'area' ? <AreaPanel /> : <OrganisationPanel />}
      </div>
    </section>
  );
}
