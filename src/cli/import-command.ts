import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Dataset } from '../domain/dataset';
import type { Gazetteer } from '../domain/gazetteer-schema';
import { previewImport, type ImportPreview } from '../domain/import-3w';
import { decodeSpreadsheetText, MAX_IMPORT_BYTES } from '../domain/text-decoding';

/**
 * `import FILE [--json]`: reads a partner's 3W sheet through the same parser and validator as
 * the app, and prints what applying it would do. Writes nothing.
 */

export interface ImportIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface ImportCommandContext {
  io: ImportIo;
  /** Where a relative FILE is read from: the folder the user ran the command in. */
  cwd: string;
  load: () => { dataset: Dataset; gazetteer: Gazetteer } | null;
}

export const IMPORT_USAGE = `import FILE [--json]     Read a partner's 3W sheet (CSV: comma, semicolon or tab; UTF-8,
                        UTF-16, Windows-1250/1252; HXL hashtags or plain headers) and print
                        every row with its places resolved, and every error and warning by
                        line and field. Writes nothing. Exit 0 when the file could be read.`;

/** Reads the file's bytes, or says in one line why it cannot be read. */
function readBytes(path: string): Uint8Array | string {
  try {
    const stats = statSync(path);
    if (!stats.isFile()) return `${path} is not a file`;
    // Refused before reading, so a huge file is never loaded into memory.
    if (stats.size > MAX_IMPORT_BYTES)
      return `${path} is ${(stats.size / 1024 / 1024).toFixed(1)} MB; at most 20 MB can be imported`;
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') return `${path} does not exist`;
    if (code === 'EACCES') return `${path} cannot be read (permission denied)`;
    return `${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Text from the file, safe to print on a terminal: control characters (an ESC sequence in a
 * cell could recolour or rewrite the screen) are shown as \u{1b}, line breaks as ⏎.
 */
function printable(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, '⏎')
    .replace(/\p{Cc}/gu, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`);
}

function summary(file: string, preview: ImportPreview, encoding: string): string {
  const count = (action: string) => preview.rows.filter((row) => row.action === action).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const delimiter = preview.delimiter === '\t' ? 'tab' : `"${preview.delimiter}"`;
  return (
    `${file}: ${plural(preview.rows.length, 'row')} (${count('add')} to add, ${count('update')} to update, ` +
    `${count('unchanged')} unchanged), ${plural(preview.errors.length, 'error')}, ` +
    `${plural(preview.warnings.length, 'warning')}; read as ${encoding}, ${delimiter}-separated, ${preview.format === 'hxl' ? 'HXL hashtags' : 'plain headers'}`
  );
}

export function runImport(args: readonly string[], context: ImportCommandContext): number {
  const { io } = context;
  let json = false;
  const files: string[] = [];
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg.startsWith('--')) {
      io.err(`import: unknown option "${arg}"\n\n${IMPORT_USAGE}`);
      return 2;
    } else files.push(arg);
  }
  const [file] = files;
  if (file === undefined || files.length > 1) {
    io.err(`import needs exactly one file, e.g. import partners-3w.csv\n\n${IMPORT_USAGE}`);
    return 2;
  }
  const path = isAbsolute(file) ? file : resolve(context.cwd, file);
  const bytes = readBytes(path);
  if (typeof bytes === 'string') {
    io.err(bytes);
    return 1;
  }
  const decoded = decodeSpreadsheetText(bytes, file);
  if (!decoded.ok) {
    io.err(decoded.message);
    return 1;
  }
  const loaded = context.load();
  if (!loaded) return 1;
  const preview = previewImport(file, decoded.text, loaded);
  if (json) {
    io.out(
      JSON.stringify(
        {
          file,
          encoding: decoded.encoding,
          notes: decoded.notes,
          ...preview,
          // Every error names its field, null when it is about the line or the file as a whole.
          errors: preview.errors.map((problem) => ({
            line: problem.line,
            field: problem.field ?? null,
            message: problem.message,
          })),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  io.out(printable(summary(file, preview, decoded.encoding)));
  for (const note of decoded.notes) io.out(printable(`note: ${note}`));
  const where = (problem: { line: number; field?: string }) =>
    `line ${problem.line}${problem.field ? `, ${problem.field}` : ''}`;
  for (const problem of preview.errors)
    io.out(printable(`error: ${where(problem)}: ${problem.message}`));
  for (const problem of preview.warnings)
    io.out(printable(`warning: ${where(problem)}: ${problem.message}`));
  for (const row of preview.rows) {
    const places =
      row.scope === 'national'
        ? 'nationwide'
        : [...row.counties.map((name) => `${name} county`), ...row.municipalities].join(', ');
    io.out(
      printable(
        `${String(row.line).padStart(5)}  ${row.action.padEnd(9)}  ${row.hasErrors ? '(errors) ' : ''}${row.organisation}: ${places || '(no place)'}`,
      ),
    );
  }
  return 0;
}
