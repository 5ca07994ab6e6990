import { vi } from 'vitest';
import type { PlannerFileActions } from '../../src/components/planner-panel';

/** File actions for a component test: files are read from the File given, saves are recorded. */
export function fakeFileActions(): PlannerFileActions {
  return {
    download: vi.fn(),
    readText: vi.fn(),
    readBytes: vi.fn((file: File) => file.arrayBuffer().then((buffer) => new Uint8Array(buffer))),
  };
}
