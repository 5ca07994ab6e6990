import type { PrintScope } from '../domain/view-state';

/** `?print=country`, `?print=c:<county id>` or `?print=m:<municipality id>`; null otherwise. */
export function parsePrintScope(search: string): PrintScope | null {
  const value = new URLSearchParams(search).get('print');
  if (value === null) return null;
  if (value === 'country') return { kind: 'country' };
  const match = /^([cm]):([A-Za-z0-9_-]{1,40})$/.exec(value);
  if (match === null) return null;
  const [, level, id = ''] = match;
  return level === 'c' ? { kind: 'county', id } : { kind: 'municipality', id };
}
