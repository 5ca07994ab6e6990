/**
 * The importer reports problems and changes as codes (the interface words them in the
 * language chosen); unit tests compare them in the English the command line prints.
 */
import type {
  BoundaryRow,
  BoundaryWarning,
  FailedBoundaryPreview,
} from '../../src/domain/boundary-import';
import type { ImportChange, ImportProblem } from '../../src/domain/import-3w';
import { translator } from '../../src/i18n/messages';

const english = translator('en');

/** Problems with each message in English words. */
export function inEnglish(
  problems: readonly ImportProblem[],
): { line: number; field?: string; message: string }[] {
  return problems.map((problem) => ({
    ...problem,
    message: english('import.issue', problem.message),
  }));
}

/** Changes of an updated row in English words: "municipalities: + Kamëz". */
export function changesInEnglish(changes: readonly ImportChange[]): string[] {
  return changes.map((change) => english('import.change', change));
}

/** A boundary preview with its notes and warnings in English words, as the tests read them. */
export function boundaryPreviewInEnglish<
  T extends { rows: readonly BoundaryRow[]; warnings: readonly BoundaryWarning[] },
>(
  preview: T,
): Omit<T, 'rows' | 'warnings'> & {
  rows: (BoundaryRow & { message: string })[];
  warnings: string[];
} {
  return {
    ...preview,
    rows: preview.rows.map((row) => ({ ...row, message: english('boundaries.notes', row.notes) })),
    warnings: preview.warnings.map((warning) => english('boundaries.warning', warning)),
  };
}

/** Why a boundary file was refused, in English words naming it. */
export function boundaryFailureInEnglish(preview: FailedBoundaryPreview): string {
  return english('boundaries.failure', preview.message, preview.fileName);
}
