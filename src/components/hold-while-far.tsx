import { useRef, type ReactNode } from 'react';
import { StoreContext, useHartaStoreApi } from '../store/store-context';
import { HoldContext, useHoldWhileFar } from './hold';

/**
 * A part of the dashboard that waits while it is far from the screen (see `useHoldWhileFar`):
 * what is inside reads the store through its gate. Labelled, it is a region; without a label
 * (for content that names its own region) the section is no landmark.
 */
export function HoldWhileFar({
  className,
  label,
  margin,
  children,
}: {
  className: string;
  label?: string;
  /** How near (an IntersectionObserver root margin) the section must come to catch up. */
  margin: string;
  children: ReactNode;
}) {
  const section = useRef<HTMLElement>(null);
  const { gate, hold } = useHoldWhileFar(useHartaStoreApi(), section, margin);
  return (
    <section ref={section} className={className} aria-label={label}>
      <StoreContext value={gate}>
        <HoldContext value={hold}>{children}</HoldContext>
      </StoreContext>
    </section>
  );
}
