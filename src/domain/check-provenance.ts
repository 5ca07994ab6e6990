import { parseCsv } from './csv';
import { DATA_FILES } from './dataset';
import type { DataProblem } from './parse-dataset';

/** Whitespace and typographic quotes vary between copies of a text; the words must not. */
function normaliseForQuote(text: string): string {
  return text
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Checks that every hotspot quote stands verbatim in its document; passages joined by " … "
 * are checked one by one. `documentTexts` maps document ids to their full text. Rows whose
 * document is unknown are left to the dataset check, which reports them.
 */
export function checkHotspotQuotes(
  hotspotsCsv: string,
  documentTexts: ReadonlyMap<string, string>,
): DataProblem[] {
  let table;
  try {
    table = parseCsv(hotspotsCsv);
  } catch {
    return []; // parseDataset reports the unreadable file with its line
  }
  const { header, records } = table;
  const quoteColumn = header.indexOf('quote');
  const documentColumn = header.indexOf('document');
  if (quoteColumn < 0 || documentColumn < 0) return [];
  const normalised = new Map([...documentTexts].map(([id, text]) => [id, normaliseForQuote(text)]));
  const problems: DataProblem[] = [];
  for (const record of records) {
    const document = record.values[documentColumn] ?? '';
    const text = normalised.get(document);
    if (text === undefined) continue;
    for (const passage of (record.values[quoteColumn] ?? '').split(' … ')) {
      if (!text.includes(normaliseForQuote(passage))) {
        problems.push({
          file: DATA_FILES.hotspots,
          line: record.line,
          field: 'quote',
          message: `not found verbatim in document ${document}: "${passage.slice(0, 70)}…"`,
          severity: 'error',
        });
      }
    }
  }
  return problems;
}
