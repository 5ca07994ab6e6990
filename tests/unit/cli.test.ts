import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runHarta } from '../../src/cli/harta';
import type { Report } from '../../src/domain/report';

const root = new URL('../../', import.meta.url).pathname;

function run(args: string[], repoRoot = root) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runHarta(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, repoRoot);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copyOfRepoData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'harta-cli-'));
  scratch.push(dir);
  cpSync(join(root, 'data'), join(dir, 'data'), { recursive: true });
  cpSync(join(root, 'geo'), join(dir, 'geo'), { recursive: true });
  return dir;
}

describe('harta check', () => {
  it('passes on the committed data and geo', () => {
    const result = run(['check']);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^ok: 55 organisations, 12 counties, 61 municipalities/);
    expect(result.code).toBe(0);
  });

  it('prints file:line: message per problem and exits 1', () => {
    const dir = copyOfRepoData();
    const file = join(dir, 'data', 'organisations.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = (lines[2] ?? '').replace(',Kukës,', ',Atlantis,');
    writeFileSync(file, lines.join('\n'));
    const hotspots = join(dir, 'data', 'hotspots.csv');
    writeFileSync(hotspots, readFileSync(hotspots, 'utf8').replaceAll('Bulqiza', 'Bulqize'));
    const result = run(['check'], dir);
    expect(result.code).toBe(1);
    expect(result.out.split('\n')).toEqual([
      'data/organisations.csv:3: municipalities: unknown municipality "Atlantis"',
      expect.stringMatching(
        /^data\/hotspots\.csv:2: quote: not found verbatim in document 000_61f3ef4351b68807/,
      ),
      expect.stringMatching(/^data\/hotspots\.csv:3: quote: not found verbatim/),
      expect.stringMatching(/^data\/hotspots\.csv:4: quote: not found verbatim/),
    ]);
  });

  it('names a missing file instead of crashing', () => {
    const dir = copyOfRepoData();
    rmSync(join(dir, 'data', 'hotspots.csv'));
    const result = run(['check'], dir);
    expect(result.code).toBe(1);
    expect(result.err).toBe('data/hotspots.csv: file not found');
  });

  it('names the line of bytes that are not UTF-8', () => {
    const dir = copyOfRepoData();
    const file = join(dir, 'data', 'organisations.csv');
    const bytes = readFileSync(file);
    const firstLineEnd = bytes.indexOf(0x0a);
    bytes[firstLineEnd + 3] = 0xe9; // a Windows-1252 "é" on line 2
    writeFileSync(file, bytes);
    const result = run(['check'], dir);
    expect(result.code).toBe(1);
    expect(result.err).toBe('data/organisations.csv:2: not valid UTF-8 (save the file as UTF-8)');
  });

  it('notices a missing Annex I row, a changed verbatim field and a row number not in the annex', () => {
    const dir = copyOfRepoData();
    const file = join(dir, 'data', 'organisations.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.splice(lines.length - 2, 1); // drop row 55
    lines[1] = (lines[1] ?? '').replace('Activities are organized in country;', 'Everywhere');
    lines[2] = (lines[2] ?? '').replace('000_61f3ef4351b68807,2,', '000_61f3ef4351b68807,99,');
    writeFileSync(file, lines.join('\n'));
    const result = run(['check'], dir);
    expect(result.code).toBe(1);
    expect(result.out.split('\n')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^data\/organisations\.csv:2: geographic_focus: differs from Annex I row 1/,
        ),
        'data/organisations.csv:3: annex_row: Annex I of 000_61f3ef4351b68807 has no row "99"',
        'data/organisations.csv:1: Annex I row 2 (Center for Youth Progress (CYP)) is missing',
        'data/organisations.csv:1: Annex I row 55 (Focus Center) is missing',
      ]),
    );
  });

  it('checks geo/ boundaries and codes, and the curation log', () => {
    const dir = copyOfRepoData();
    writeFileSync(
      join(dir, 'geo', 'counties.geojson'),
      '{"type":"FeatureCollection","features":[]}',
    );
    writeFileSync(join(dir, 'geo', 'neighbours.geojson'), 'garbage');
    writeFileSync(
      join(dir, 'geo', 'codes.csv'),
      `${readFileSync(join(root, 'geo', 'codes.csv'), 'utf8')}municipality,AL999,Atlantis,AL011,X\n`,
    );
    writeFileSync(
      join(dir, 'data', 'curation.csv'),
      `${readFileSync(join(root, 'data', 'curation.csv'), 'utf8')}7,colour,set,red,because\n`,
    );
    const out = run(['check'], dir).out.split('\n');
    expect(out).toEqual(
      expect.arrayContaining([
        'geo/gazetteer.json:1: municipality AL999 (geo/codes.csv line 75) is missing',
        'geo/counties.geojson:1: county AL021 has 0 features, expected 1',
        expect.stringMatching(/^geo\/neighbours\.geojson:1: not valid JSON/),
        expect.stringMatching(/^data\/curation\.csv:\d+: field: "colour" cannot be curated$/),
      ]),
    );
  });

  it('reports an unclosed quote in hotspots.csv instead of crashing', () => {
    const dir = copyOfRepoData();
    const hotspots = join(dir, 'data', 'hotspots.csv');
    writeFileSync(hotspots, `${readFileSync(hotspots, 'utf8')}"unterminated,1,x\n`);
    const result = run(['check'], dir);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^data\/hotspots\.csv:\d+: a quoted field is not closed$/m);
  });

  it('reports a broken gazetteer with its file', () => {
    const dir = copyOfRepoData();
    writeFileSync(join(dir, 'geo', 'gazetteer.json'), '{"schemaVersion": 1,');
    const result = run(['check'], dir);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^geo\/gazetteer\.json:1: not valid JSON/);
  });
});

describe('harta resolve', () => {
  it('prints the resolution as JSON', () => {
    const result = run(['resolve', 'Municipality of Pogradecit, Korça District']);
    expect(result.code).toBe(0);
    const resolution = JSON.parse(result.out) as { areas: { level: string; name: string }[] };
    expect(resolution.areas.map((area) => `${area.level}:${area.name}`)).toEqual([
      'municipality:Pogradec',
      'county:Korçë',
    ]);
  });

  it('asks for a text', () => {
    expect(run(['resolve']).code).toBe(2);
  });
});

describe('harta report --json', () => {
  const report = JSON.parse(run(['report', '--json']).out) as Report;

  it('lists every Annex I row with the areas its text names, in official Albanian', () => {
    expect(report.organisations).toHaveLength(55);
    expect(report.organisations.map((o) => o.source.row)).toEqual(
      Array.from({ length: 55 }, (_, i) => i + 1),
    );
    const row = (n: number) => report.organisations.find((o) => o.source.row === n);
    // "District of Elbasan (District of Prrenjas, Cerrik, Elbasan)": the brackets narrow it.
    expect(row(23)).toMatchObject({
      scope: 'local',
      counties: [],
      municipalities: ['Prrenjas', 'Cërrik', 'Elbasan'],
    });
    expect(row(40)).toMatchObject({ scope: 'national', counties: [], municipalities: [] });
    expect(row(14)?.municipalities).toEqual(['Kamëz', 'Tiranë']);
  });

  it('lists all 61 municipalities with county, hotspot flag and organisation count', () => {
    expect(report.municipalities).toHaveLength(61);
    const cerrik = report.municipalities.find((m) => m.name === 'Cërrik');
    expect(cerrik).toMatchObject({ id: 'AL212', county: 'Elbasan', hotspot: true });
    // Annex I rows 19, 20, 21, 23, 44 and 54 name Cërrik.
    expect(cerrik?.organisations).toBe(6);
    const bulqize = report.municipalities.find((m) => m.name === 'Bulqizë');
    expect(bulqize).toMatchObject({ hotspot: true, organisations: 0 });
    expect(report.municipalities.find((m) => m.name === 'Himarë')?.hotspot).toBe(false);
  });

  it('exits 1 when a row had to be left out', () => {
    const dir = copyOfRepoData();
    const file = join(dir, 'data', 'organisations.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(',local,', ',planetary,'));
    const result = run(['report', '--json'], dir);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.out) as Report).organisations).toHaveLength(54);
    expect(result.err).toMatch(/scope: must be "national" or "local"/);
  });

  it('keeps stdout pure JSON when run through npm', () => {
    const stdout = execFileSync('npm', ['run', '--silent', 'harta', '--', 'report', '--json'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect((JSON.parse(stdout) as Report).organisations).toHaveLength(55);
  }, 30_000);
});
