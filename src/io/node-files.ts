import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  ) {
    super(`${file}: ${message}`);
    this.name = 'DataFileError';
  }
}

export function readTextFile(root: string, relativePath: string): string {
  try {
    return readFileSync(join(root, relativePath), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataFileError(
      relativePath,
      code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'unknown error'})`,
    );
  }
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
