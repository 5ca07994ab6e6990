import { useEffect, useRef, useSyncExternalStore, type RefObject } from 'react';

export interface PresenterKeyActions {
  next: () => void;
  previous: () => void;
  first: () => void;
  last: () => void;
  leave: () => void;
  /** Shows the interface in the next language (key L). */
  language: () => void;
}

/**
 * Which step a key asks for: arrows, a clicker's PageUp/PageDown, Space, Home/End and Esc;
 * L switches the interface's language.
 */
export function presenterKeyAction(key: string): keyof PresenterKeyActions | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'leave';
    case 'l':
    case 'L':
      return 'language';
    default:
      return null;
  }
}

/** Elements that use these keys themselves (a focused button takes Space, a list takes arrows). */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable="true"]')) return key !== 'Escape';
  if (target.closest('button, a[href], summary')) return key === ' ' || key === 'Enter';
  return false;
}

/**
 * Steps a story from the keyboard (and from presentation clickers, which send PageUp/PageDown)
 * anywhere on the page, while the presenter is mounted.
 */
export function usePresenterKeys(actions: PresenterKeyActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const action = presenterKeyAction(event.key);
      if (action === null || ownsKeys(event.target, event.key)) return;
      event.preventDefault();
      latest.current[action]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/**
 * Marks the page as presenting (`<html data-present="true">`, which presenter.css styles) and
 * asks for full screen; a refusal (no user gesture, an iframe, a test browser) is fine. In full
 * screen the browser takes Esc for itself, so leaving full screen calls `onExitFullScreen`.
 */
export function usePresentingPage(onExitFullScreen: () => void): void {
  const latest = useRef(onExitFullScreen);
  useEffect(() => {
    latest.current = onExitFullScreen;
  });
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.present = 'true';
    let entered = false;
    let active = true;
    const onChange = () => {
      if (document.fullscreenElement === root) entered = true;
      else if (entered && active) {
        entered = false;
        latest.current();
      }
    };
    document.addEventListener('fullscreenchange', onChange);
    if (typeof root.requestFullscreen === 'function' && document.fullscreenEnabled) {
      root.requestFullscreen().catch(() => undefined);
    }
    return () => {
      active = false;
      document.removeEventListener('fullscreenchange', onChange);
      delete root.dataset.present;
      if (document.fullscreenElement === root) document.exitFullscreen().catch(() => undefined);
    };
  }, []);
}

function subscribePresenting(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-present'],
  });
  return () => observer.disconnect();
}

const isPresenting = () => document.documentElement.dataset.present === 'true';

/**
 * Whether the page is in presenter mode, for components outside the presenter that look
 * different there (the legend shows presenter mode's map palette).
 */
export function usePresenting(): boolean {
  return useSyncExternalStore(subscribePresenting, isPresenting, () => false);
}

/**
 * Publishes the presenter bar's height as `--presenter-bar-height` on the root, so the map,
 * its legend and the panel end above the bar however many rows its controls wrap to (more in
 * Albanian, or on a narrow projector).
 */
export function usePresenterBarHeight(bar: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = bar.current;
    const root = document.documentElement;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      root.style.setProperty('--presenter-bar-height', `${element.offsetHeight}px`);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--presenter-bar-height');
    };
  }, [bar]);
}
