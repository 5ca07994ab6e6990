// Runs before every component test file (vite.config.ts → project "component").
// Adds jest-dom's matchers (toBeInTheDocument, toHaveAccessibleName, …) to vitest's expect, with
// their types, and unmounts what each test rendered so tests never see each other's DOM.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
