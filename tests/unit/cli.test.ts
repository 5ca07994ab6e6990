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

describe('harta report --json: gaps, counties and overlaps', () => {
  const report = JSON.parse(run(['report', '--json']).out) as Report;
  const municipality = (name: string) => report.municipalities.find((m) => m.name === name);

  it('gives every municipality its gap score, rank, inputs, organisations and why', () => {
    expect(report.nationwideWeight).toBe(0);
    for (const entry of report.municipalities) {
      const fields = [
        'gapScore',
        'gapRank',
        'need',
        'presence',
        'missingActivityTypes',
        'localOrganisations',
        'nationwideOrganisations',
        'why',
      ] as const;
      expect(
        Object.fromEntries(
          fields.map((field) => {
            const value = entry[field];
            return [field, Array.isArray(value) ? 'array' : typeof value];
          }),
        ),
      ).toEqual({
        gapScore: 'number',
        gapRank: 'number',
        need: 'number',
        presence: 'number',
        missingActivityTypes: 'array',
        localOrganisations: 'array',
        nationwideOrganisations: 'array',
        why: 'string',
      });
      expect(entry.why).toMatch(new RegExp(`^${entry.name}: .* Gap \\d\\.\\d\\d\\.$`));
      expect(entry.gapScore).toBeGreaterThanOrEqual(0);
      expect(entry.gapScore).toBeLessThanOrEqual(1);
      expect(entry.localOrganisations).toHaveLength(entry.organisations);
      expect(entry.nationwideOrganisations).toHaveLength(15);
      expect(entry.why).toContain(`${entry.missingActivityTypes.length} of 12 activity types`);
    }
    expect(report.municipalities.map((m) => m.gapRank).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 61 }, (_, i) => i + 1),
    );
    // Still sorted by id, as before.
    const ids = report.municipalities.map((m) => m.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('names the organisations by id, in dataset order', () => {
    const organisationOrder = new Map(
      readFileSync(join(root, 'data', 'organisations.csv'), 'utf8')
        .split('\n')
        .slice(1)
        .map((line, index) => [line.split(',')[0] ?? '', index] as const),
    );
    expect(municipality('Kamëz')?.localOrganisations).toEqual([
      'albanian-center-for-public-communication',
      'pashko-european-institute',
    ]);
    for (const entry of report.municipalities) {
      const order = entry.localOrganisations.map((id) => organisationOrder.get(id) ?? -1);
      expect(order.every((position) => position >= 0)).toBe(true);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('ranks Bulqizë first: a priority hotspot nobody names, one organisation naming Dibër county', () => {
    expect(municipality('Bulqizë')).toMatchObject({
      gapRank: 1,
      hotspotLevel: 3,
      need: 1,
      // "District of Dibra" (Annex I row 16) names the county, so presence is 0.5, not 0.
      presence: 0.5,
      gapScore: 0.779,
      localOrganisations: [],
      countyWideOrganisations: 1,
    });
    expect(municipality('Bulqizë')?.missingActivityTypes).not.toContain('awareness');
    expect(municipality('Bulqizë')?.missingActivityTypes).toHaveLength(11);
  });

  it('lists the overlaps most crowded first, each with two or more organisations', () => {
    expect(report.overlaps.length).toBeGreaterThan(0);
    report.overlaps.forEach((overlap, index) => {
      expect(overlap.count).toBeGreaterThanOrEqual(2);
      expect(overlap.organisations.length).toBeGreaterThanOrEqual(overlap.count);
      expect(overlap.municipality).toBe(
        report.municipalities.find((m) => m.id === overlap.municipalityId)?.name,
      );
      expect(overlap.count).toBeLessThanOrEqual(report.overlaps[index - 1]?.count ?? Infinity);
    });
    expect(report.overlaps[0]).toMatchObject({
      municipality: 'Elbasan',
      activityType: 'awareness',
      count: 10,
    });
  });

  it("carries the report's footnote 45 on Cërrik's overlaps, and no context elsewhere", () => {
    const cerrik = report.overlaps.filter((overlap) => overlap.municipality === 'Cërrik');
    expect(cerrik.map((overlap) => overlap.activityType)).toEqual(
      expect.arrayContaining(['awareness', 'training', 'security-councils']),
    );
    for (const overlap of cerrik) {
      expect(overlap.context).toHaveLength(1);
      expect(overlap.context[0]).toMatchObject({
        document: '000_61f3ef4351b68807',
        location: 'Footnote 45',
      });
      expect(overlap.context[0]?.quote).toContain('an abundance of operating organizations');
    }
    const elsewhere = report.overlaps.filter((overlap) => overlap.municipality !== 'Cërrik');
    expect(elsewhere.every((overlap) => overlap.context.length === 0)).toBe(true);
  });

  it('gives every county its gap, rank and highest hotspot level', () => {
    expect(report.counties).toHaveLength(12);
    expect(report.counties.map((c) => c.gapRank).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    expect(report.counties.find((c) => c.gapRank === 1)).toMatchObject({
      name: 'Dibër',
      hotspotLevel: 3,
    });
  });

  it('counts nationwide organisations when asked, lowering every non-zero score', () => {
    const weighted = JSON.parse(
      run(['report', '--json', '--nationwide-weight', '0.5']).out,
    ) as Report;
    expect(weighted.nationwideWeight).toBe(0.5);
    for (const entry of weighted.municipalities) {
      const before = municipality(entry.name);
      expect(entry.presence).toBeCloseTo((before?.presence ?? 0) + 7.5);
      if ((before?.gapScore ?? 0) > 0) expect(entry.gapScore).toBeLessThan(before?.gapScore ?? 0);
      expect(entry.why).toContain('15 nationwide at 0.5 each');
    }
  });
});

/** The ranked rows of the gaps table: rank, tie mark, name and score. */
function gapRows(out: string) {
  return out.split('\n').flatMap((line) => {
    const match = /^ {0,3}(\d+)(=?) +(\S(?:.*?\S)?) {2,}.*?(\d\.\d{3}) /.exec(line);
    return match
      ? [
          {
            rank: Number(match[1]),
            tied: match[2] === '=',
            name: match[3],
            score: Number(match[4]),
          },
        ]
      : [];
  });
}

describe('harta gaps', () => {
  const top10 = run(['gaps', '--top', '10']);

  it('prints the ten most underserved municipalities, ranked, each with why underneath', () => {
    expect(top10.code).toBe(0);
    expect(top10.err).toBe('');
    const rows = gapRows(top10.out);
    expect(rows.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    rows.slice(1).forEach((row, index) => {
      expect(row.score).toBeLessThanOrEqual(rows[index]?.score ?? Infinity);
    });
    expect(rows.slice(0, 4)).toEqual([
      { rank: 1, tied: false, name: 'Bulqizë', score: 0.779 },
      { rank: 2, tied: false, name: 'Mat', score: 0.584 },
      { rank: 3, tied: false, name: 'Kavajë', score: 0.303 },
      { rank: 4, tied: false, name: 'Kamëz', score: 0.276 },
    ]);
    const lines = top10.out.split('\n');
    const bulqize = lines.findIndex((line) =>
      /^ +1 +Bulqizë +Dibër +3 +0\.779 +0 +1 +15 +11\/12$/.test(line),
    );
    expect(bulqize).toBeGreaterThan(0);
    expect(lines[bulqize + 1]).toMatch(
      /^ {6}Priority hotspot \(priority for intervention: Civil Society/,
    );
    expect(
      lines
        .slice(bulqize + 1, bulqize + 4)
        .join(' ')
        .replace(/\s+/g, ' '),
    ).toContain(
      '0 local organisations, 1 naming its county, 15 nationwide (not counted); 11 of 12 activity types missing.',
    );
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(120);
  });

  it('says when the cut falls inside a tie, and that the order inside it is by name', () => {
    const rows = gapRows(top10.out);
    expect(rows.slice(4).every((row) => row.tied && row.score === 0.25)).toBe(true);
    expect(top10.out.replace(/\s+/g, ' ')).toContain(
      'Ranks 5–36: 32 municipalities share gap score 0.250 with the same hotspot level and local organisations, so they are listed by name',
    );
  });

  it('lists every municipality with --top all, the same ranking as report --json', () => {
    const all = run(['gaps', '--top', 'all']);
    expect(gapRows(all.out)).toHaveLength(61);
    expect(all.out).not.toMatch(/^Ranks /m);
    const report = JSON.parse(run(['report', '--json']).out) as Report;
    const byRank = [...report.municipalities].sort((a, b) => a.gapRank - b.gapRank);
    expect(gapRows(all.out).map((row) => row.name)).toEqual(byRank.map((m) => m.name));
    expect(JSON.parse(run(['gaps', '--json', '--top', 'all']).out)).toEqual(byRank);
  });

  it('defaults to the top 10, and prints the ranked entries as JSON', () => {
    expect(gapRows(run(['gaps']).out)).toHaveLength(10);
    const entries = JSON.parse(
      run(['gaps', '--json', '--top', '3']).out,
    ) as Report['municipalities'];
    expect(entries.map((entry) => [entry.gapRank, entry.name])).toEqual([
      [1, 'Bulqizë'],
      [2, 'Mat'],
      [3, 'Kavajë'],
    ]);
  });

  it('lowers every non-zero score when nationwide organisations count', () => {
    type Entry = Report['municipalities'][number];
    const scores = (args: string[]) =>
      new Map(
        (JSON.parse(run(['gaps', '--json', '--top', 'all', ...args]).out) as Entry[]).map(
          (entry) => [entry.id, entry.gapScore],
        ),
      );
    const before = scores([]);
    const after = scores(['--nationwide-weight', '0.5']);
    expect(after.size).toBe(61);
    for (const [id, score] of before) {
      if (score > 0) expect(after.get(id)).toBeLessThan(score);
    }
    const table = run(['gaps', '--nationwide-weight', '0.5']);
    expect(table.code).toBe(0);
    expect(table.out.replace(/\s+/g, ' ')).toContain('+ 0.5 per nationwide one.');
  });

  it.each([
    [['gaps', '--top', '0'], /--top needs a whole number of at least 1, or "all", not "0"/],
    [['gaps', '--top', '2.5'], /--top needs a whole number/],
    [['gaps', '--top', 'ten'], /--top needs a whole number/],
    [['gaps', '--top'], /--top needs a whole number .* not nothing/],
    [['gaps', '--nationwide-weight', '1.5'], /--nationwide-weight needs a number from 0 to 1/],
    [['gaps', '--nationwide-weight', '-0.1'], /--nationwide-weight needs a number from 0 to 1/],
    [['gaps', '--nationwide-weight', 'lots'], /--nationwide-weight needs a number from 0 to 1/],
    [['gaps', '--nationwide-weight'], /--nationwide-weight needs a number .* not nothing/],
    [['report', '--nationwide-weight', '2'], /--nationwide-weight needs a number from 0 to 1/],
    [['report', '--top', '3'], /report: unknown option "--top"/],
    [['gaps', '--colour'], /gaps: unknown option "--colour"/],
  ])('rejects %j with a message and exit 2', (args, message) => {
    const result = run(args);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(message);
  });

  it('exits 1 when a row had to be left out', () => {
    const dir = copyOfRepoData();
    const file = join(dir, 'data', 'organisations.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(',local,', ',planetary,'));
    const result = run(['gaps'], dir);
    expect(result.code).toBe(1);
    expect(gapRows(result.out)).toHaveLength(10);
    expect(result.err).toMatch(/scope: must be "national" or "local"/);
  });
});
