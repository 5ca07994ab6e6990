import type { StoryStorage } from '../../src/io/story-storage';

/** Saved stories kept in a Map: a `localStorage` stand-in the presenter tests can read back. */
export class MemoryStorage implements StoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}
