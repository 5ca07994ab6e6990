import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildGeo } from './build-geo-lib';

/**
 * `npm run geo:build`: regenerates geo/gazetteer.json, geo/counties.geojson and
 * geo/neighbours.geojson from the pinned packages, geo/codes.csv and geo/overrides.yaml.
 * All logic lives in build-geo-lib.ts so the unit tests can run the same build in memory.
 */
async function main(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const started = performance.now();
  const files = await buildGeo({ repoRoot: root, log: (line) => console.log(line) });
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content, 'utf8');
    console.log(`wrote ${relative} (${(Buffer.byteLength(content) / 1024).toFixed(1)} KB)`);
  }
  console.log(`geo build done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
