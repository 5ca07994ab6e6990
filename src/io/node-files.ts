import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DATA_FILES, type DataFileKey } from '../domain/dataset';
import type { DataFileTexts } from '../domain/parse-dataset';

/**
 * Reading the repository's data/ and geo/ from disk, for the command line and the build
 * scripts. A file that cannot be read comes back as an error naming the file, never as a
 * crash with a stack trace.
 */

export class DataFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`);
    this.name = 'DataFileError';
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a UTF-8 text file. Bytes that are not UTF-8 (a file saved as Windows-1250, say) are an
 * error naming the line, never silently turned into replacement characters.
 */
export function readTextFile(root: string, relativePath: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, relativePath));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataFileError(
      relativePath,
      code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'unknown error'})`,
    );
  }
  try {
    const text = strictUtf8.decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    throw new DataFileError(
      relativePath,
      'not valid UTF-8 (save the file as UTF-8)',
      firstBadUtf8Line(bytes),
    );
  }
}

/** The 1-based line of the first byte sequence that is not UTF-8. */
function firstBadUtf8Line(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  for (let index = 0; index <= bytes.length; index += 1) {
    if (index === bytes.length || bytes[index] === 0x0a) {
      try {
        strictUtf8.decode(bytes.subarray(start, index));
      } catch {
        return line;
      }
      line += 1;
      start = index + 1;
    }
  }
  return line;
}

export function readDataFiles(root: string): DataFileTexts;
export function readDataFiles(root: string, skip: readonly DataFileKey[]): Partial<DataFileTexts>;
/** Reads every file of the dataset, except those in `skip`. */
export function readDataFiles(
  root: string,
  skip: readonly DataFileKey[] = [],
): Partial<DataFileTexts> {
  const entries = (Object.entries(DATA_FILES) as [DataFileKey, string][]).filter(
    ([key]) => !skip.includes(key),
  );
  return Object.fromEntries(
    entries.map(([key, file]) => [key, readTextFile(root, join('data', file))]),
  );
}

export const GAZETTEER_FILE = 'geo/gazetteer.json';

/**
 * Writes a file so that it is either wholly the old one or wholly the new one, never half
 * written: the content goes to a temporary file beside it, flushed to disk, then renamed over
 * it (a rename within a folder is atomic). Creates the folder when needed. On failure the
 * temporary file is removed and the error thrown.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    writeFileSync(temporary, content, { flush: true });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
