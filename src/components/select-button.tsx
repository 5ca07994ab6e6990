import type { ReactNode } from 'react';
import type { Selection } from '../domain/view-state';
import { useHarta } from '../store/store-context';

/** A text-styled button that selects an area or organisation: the panels' cross-links. */
export function SelectButton({ target, children }: { target: Selection; children: ReactNode }) {
  const select = useHarta((state) => state.select);
  return (
    <button type="button" className="link-button" onClick={() => select(target)}>
      {children}
    </button>
  );
}
