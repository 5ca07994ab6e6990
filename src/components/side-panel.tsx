import { lazy, Suspense, useEffect, useRef, type KeyboardEvent } from 'react';
import type { PanelTab } from '../domain/view-state';
import type { MessageKey } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { useHarta } from '../store/store-context';
import { AreaPanel } from './area-panel';
import { ComparePanel } from './compare-panel';
import { GapsPanel } from './gaps-panel';
import { OrganisationPanel } from './organisation-panel';
import { OverlapPanel } from './overlap-panel';
import { PlannerPanel, type PlannerFileActions } from './planner-panel';

/** The data steward's panel (import, boundaries, forms) loads when first opened. */
const DataPanel = lazy(() =>
  import('./data-panel').then((module) => ({ default: module.DataPanel })),
);

const TABS: { id: PanelTab; label: MessageKey }[] = [
  { id: 'gaps', label: 'tabs.gaps' },
  { id: 'overlap', label: 'tabs.overlap' },
  { id: 'plans', label: 'tabs.plans' },
  { id: 'compare', label: 'tabs.compare' },
  { id: 'area', label: 'tabs.area' },
  { id: 'organisation', label: 'tabs.organisation' },
  { id: 'data', label: 'tabs.data' },
];

/** The panels, as tabs (WAI-ARIA tabs pattern: arrow keys move between tabs). */
export function SidePanel({ files }: { files: PlannerFileActions }) {
  const t = useT();
  const countryName = useHarta((state) =>
    state.lang === 'sq' ? state.gazetteer.country.nameLocal : state.gazetteer.country.name,
  );
  const tab = useHarta((state) => state.tab);
  const setTab = useHarta((state) => state.setTab);
  const selection = useHarta((state) => state.selection);
  const select = useHarta((state) => state.select);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const panelRef = useRef<HTMLDivElement>(null);
  const shownSelection = useRef(selection);

  // A new selection opens at the top of its panel, with focus on its heading so keyboard and
  // screen-reader users land on what they chose; on a phone the panel is scrolled into view.
  // Only where the selection is what the panel shows (Area, Organisation): in Gaps, Overlap,
  // Plans or Compare, picking an area keeps the reader where they were.
  useEffect(() => {
    if (shownSelection.current === selection) return;
    shownSelection.current = selection;
    if (tab !== 'area' && tab !== 'organisation') return;
    const panel = panelRef.current;
    if (!panel) return;
    panel.scrollTop = 0;
    const heading = panel.querySelector<HTMLElement>('h2');
    heading?.focus({ preventScroll: true });
    if (window.matchMedia?.('(max-width: 900px)').matches) {
      panel.scrollIntoView({ block: 'start' });
    }
  }, [selection, tab]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // From the focused tab (normally the selected one, as focus follows selection).
    const focused = tabRefs.current.findIndex((element) => element === document.activeElement);
    const index = focused >= 0 ? focused : TABS.findIndex((entry) => entry.id === tab);
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
    <section className="side-panel" aria-label={t('tabs.label')}>
      <div role="tablist" aria-label={t('tabs.label')} className="tabs" onKeyDown={onKeyDown}>
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
            {t(entry.label)}
          </button>
        ))}
      </div>
      {selection !== null && (tab === 'area' || tab === 'organisation') ? (
        <button type="button" className="link-button clear-selection" onClick={() => select(null)}>
          {t('tabs.backToCountry', countryName)}
        </button>
      ) : null}
      <div
        ref={panelRef}
        role="tabpanel"
        id={`tabpanel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        className="tab-panel"
        tabIndex={0}
      >
        {tab === 'gaps' ? (
          <GapsPanel />
        ) : tab === 'overlap' ? (
          <OverlapPanel />
        ) : tab === 'plans' ? (
          <PlannerPanel files={files} />
        ) : tab === 'compare' ? (
          <ComparePanel />
        ) : tab === 'area' ? (
          <AreaPanel />
        ) : tab === 'data' ? (
          <Suspense fallback={<p>{t('panel.loadingData')}</p>}>
            <DataPanel files={files} />
          </Suspense>
        ) : (
          <OrganisationPanel />
        )}
      </div>
    </section>
  );
}
