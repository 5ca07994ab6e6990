// Serves the built app (dist/) with `vite preview` for the e2e project, once for all its test
// files, and hands the address to them as `inject('baseUrl')`. `npm run test:e2e` builds first;
// this only serves, so a test never runs against a dev server that behaves differently.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the preview server, e.g. `http://127.0.0.1:41234`; no trailing slash. */
    baseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '../..');
const distDir = path.join(root, 'dist');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(
      `e2e: ${distDir}/index.html is missing. The e2e tests run against the built app: ` +
        'run `npm run test:e2e` (it builds first) or `npm run build` before `vitest --project e2e`.',
    );
  }

  // Port 0: the OS picks a free port, so parallel runs and a running `npm run preview` never clash.
  const server = await preview({
    root,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });

  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') {
    await server.close();
    throw new Error(`e2e: vite preview is not listening on a TCP port (address: ${address})`);
  }
  const baseUrl = `http://127.0.0.1:${address.port}`;
  project.provide('baseUrl', baseUrl);

  return async () => {
    await server.close();
  };
}
