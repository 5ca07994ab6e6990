import type { Dataset } from './dataset';
import type { Gazetteer } from './gazetteer-schema';
import { foldPlaceText } from './place-text';
import type { Selection } from './view-state';

export interface SearchResult {
  target: Selection;
  label: string;
  /** Why it matched, when not by its own name ("Paskuqan is in Kamëz"). */
  detail: string;
}

interface Entry {
  target: Selection;
  label: string;
  /** Folded texts it can be found by, each with the detail shown when that text matched. */
  keys: { text: string; detail: string }[];
}

export interface SearchIndex {
  search: (query: string, limit?: number) => SearchResult[];
}

/**
 * Finds organisations, municipalities (also by their towns and villages) and counties,
 * ignoring case and diacritics: "cerrik" finds Cërrik, "kukesi" Kukës, "paskuqan" Kamëz.
 * Names that start with the query come before names that merely contain it.
 */
export function createSearchIndex(gazetteer: Gazetteer, dataset: Dataset): SearchIndex {
  const entries: Entry[] = [];
  const countyName = new Map(gazetteer.counties.map((c) => [c.id, c.name]));
  for (const municipality of gazetteer.municipalities) {
    const county = countyName.get(municipality.county) ?? '';
    entries.push({
      target: { kind: 'municipality', id: municipality.id },
      label: municipality.name,
      keys: [
        ...[municipality.name, ...municipality.aliases, ...municipality.formerNames].map(
          (name) => ({
            text: foldPlaceText(name),
            detail: `Municipality, ${county} county`,
          }),
        ),
        ...gazetteer.settlements
          .filter((settlement) => settlement.municipality === municipality.id)
          .map((settlement) => ({
            text: foldPlaceText(settlement.name),
            detail: `${settlement.name} is in ${municipality.name}`,
          })),
      ],
    });
  }
  for (const county of gazetteer.counties) {
    entries.push({
      target: { kind: 'county', id: county.id },
      label: `${county.name} county`,
      keys: [county.name, ...county.aliases].map((name) => ({
        text: foldPlaceText(name),
        detail: 'County (qark)',
      })),
    });
  }
  for (const organisation of dataset.organisations) {
    entries.push({
      target: { kind: 'organisation', id: organisation.id },
      label: organisation.name,
      keys: [organisation.name, organisation.acronym ?? '']
        .filter((text) => text !== '')
        .map((text) => ({ text: foldPlaceText(text), detail: 'Organisation' })),
    });
  }

  return {
    search(query, limit = 8) {
      const folded = foldPlaceText(query);
      if (folded === '') return [];
      const scored: { result: SearchResult; score: number }[] = [];
      for (const entry of entries) {
        let best: { score: number; detail: string } | null = null;
        for (const key of entry.keys) {
          const position = key.text.indexOf(folded);
          if (position < 0) continue;
          const wordStart = position === 0 || key.text[position - 1] === ' ';
          const score =
            (position === 0 ? 0 : wordStart ? 1 : 2) + (key === entry.keys[0] ? 0 : 0.5);
          if (!best || score < best.score) best = { score, detail: key.detail };
        }
        if (best) {
          scored.push({
            result: { target: entry.target, label: entry.label, detail: best.detail },
            score: best.score,
          });
        }
      }
      return scored
        .sort((a, b) => a.score - b.score || a.result.label.localeCompare(b.result.label, 'sq'))
        .slice(0, limit)
        .map((item) => item.result);
    },
  };
}
