import { booleanClockwise } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  MAX_BOUNDARY_FEATURES,
  MAX_BOUNDARY_FILE_BYTES,
  MAX_STORED_POSITIONS,
  locateJsonError,
  matchBoundaries,
  previewBoundaries,
  readBoundaryFile,
  type BoundaryPreview,
} from '../../src/domain/boundary-import';
import { translator } from '../../src/i18n/messages';
import { boundaryFailureInEnglish, boundaryPreviewInEnglish } from '../support/import-english';
import {
  asciiDefinite,
  boundaryFile,
  gazetteer,
  hdxLikeFile,
  municipalityCells,
} from './fixtures/boundary-fixture';

// The fixture files are SYNTHETIC areas made from geo/ at test time (Voronoi cells around the
// seats, clipped to the counties): see tests/unit/fixtures/boundary-fixture.ts.

/** The preview, its notes and warnings in the English words the interface gives them. */
function ready(preview: BoundaryPreview) {
  if (!preview.ok) {
    throw new Error(`expected a preview, got: ${boundaryFailureInEnglish(preview)}`);
  }
  return boundaryPreviewInEnglish(preview);
}

function failure(preview: BoundaryPreview): string {
  if (preview.ok) throw new Error('expected the file to be refused');
  return boundaryFailureInEnglish(preview);
}

const byName = (name: string) => {
  const municipality = gazetteer.municipalities.find((m) => m.name === name);
  if (!municipality) throw new Error(name);
  return municipality;
};

/** A file whose features carry `names` (one per municipality, in gazetteer order). */
function namedFile(names: readonly string[], key = 'name'): string {
  const only = gazetteer.municipalities.slice(0, names.length).map((m) => m.id);
  return JSON.stringify(boundaryFile((_, index) => ({ [key]: names[index] }), { only }));
}

const square = (west: number, south: number, size = 0.05): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

function collection(features: object[], extra: object = {}): string {
  return JSON.stringify({ type: 'FeatureCollection', ...extra, features });
}

describe('previewBoundaries: a whole file of municipalities', () => {
  it('matches all 61 municipalities of an HDX-like ADM2 file, guessing the name column', () => {
    const started = performance.now();
    const preview = ready(
      previewBoundaries('alb_adm2.geojson', JSON.stringify(hdxLikeFile()), gazetteer),
    );
    const elapsed = performance.now() - started;
    console.log(`preview of 61 municipalities: ${Math.round(elapsed)} ms`);

    expect(preview.nameProperty).toBe('ADM2_SQ');
    expect(preview.counts).toEqual({
      features: 61,
      matched: 61,
      duplicates: 0,
      unmatched: 0,
      counties: 0,
      skipped: 0,
      leftOut: 0,
      drawnMunicipalities: 61,
      missing: 0,
    });
    expect(preview.missingMunicipalities).toEqual([]);
    // Every property is listed so the user can pick another, with samples.
    expect(preview.properties.map((p) => p.key)).toEqual([
      'ADM2_EN',
      'ADM2_SQ',
      'ADM2_PCODE',
      'ADM1_EN',
      'ADM0_EN',
    ]);
    expect(preview.properties[1]?.samples).toEqual(['Bulqizë', 'Dibër', 'Klos']);
    // HDX's P-codes are not LAU codes: kept for display, matching falls back to names.
    expect(preview.codeProperty).toBe('ADM2_PCODE');
    expect(preview.warnings.join(' ')).toMatch(/No value of "ADM2_PCODE" is a code Harta knows/);
    const boundaries = preview.boundaries(new Date('2025-01-02T03:04:05Z'));
    expect(boundaries.fileName).toBe('alb_adm2.geojson');
    expect(boundaries.loadedAt).toBe('2025-01-02T03:04:05.000Z');
    expect(boundaries.features.map((f) => f.properties.municipalityId)).toEqual(
      gazetteer.municipalities.map((m) => m.id),
    );
  });

  it('reads the ASCII definite forms of an English column the same way, with a note', () => {
    const preview = ready(
      previewBoundaries('adm2.geojson', JSON.stringify(hdxLikeFile()), gazetteer, {
        nameProperty: 'ADM2_EN',
      }),
    );
    expect(preview.counts.drawnMunicipalities).toBe(61);
    const kukes = preview.rows.find((row) => row.municipalityId === byName('Kukës').id);
    expect(kukes).toMatchObject({
      nameInFile: asciiDefinite(byName('Kukës')),
      municipalityName: 'Kukës',
      status: 'matched',
    });
    expect(kukes?.message).toMatch(/read as Kukës/);
  });

  it('prefers the municipality column to a county column, even when county names match too', () => {
    // ADM1_EN holds county names, which are also municipality names: but only 12 distinct ones.
    const text = JSON.stringify(
      boundaryFile((m) => ({
        NAME_1: gazetteer.counties.find((c) => c.id === m.county)?.name,
        NAME_2: m.name,
      })),
    );
    expect(ready(previewBoundaries('gadm.json', text, gazetteer)).nameProperty).toBe('NAME_2');
  });

  it('matches by LAU code when the file has one, whatever the name says', () => {
    const text = JSON.stringify(
      boundaryFile((m, index) => ({
        emri: index === 0 ? 'Somewhere else' : m.name,
        LAU: m.codes.lau,
      })),
    );
    const preview = ready(previewBoundaries('geoportal.geojson', text, gazetteer));
    expect(preview.nameProperty).toBe('emri');
    expect(preview.codeProperty).toBe('LAU');
    expect(preview.counts.drawnMunicipalities).toBe(61);
    expect(preview.rows[0]).toMatchObject({
      nameInFile: 'Somewhere else',
      code: 'AL111',
      municipalityId: 'AL111',
      status: 'matched',
    });
    expect(preview.rows[0]?.message).toMatch(/Matched by code AL111 \(Bulqizë\)/);
  });

  it('guesses geoBoundaries’ shapeName, and reads "Bashkia X" as X', () => {
    const text = JSON.stringify(
      boundaryFile((m) => ({
        shapeName: `Bashkia ${m.name}`,
        shapeISO: '',
        shapeID: `ALB-ADM2-${m.id}`,
        shapeGroup: 'ALB',
        shapeType: 'ADM2',
      })),
    );
    const preview = ready(previewBoundaries('geoBoundaries-ALB-ADM2.geojson', text, gazetteer));
    expect(preview.nameProperty).toBe('shapeName');
    expect(preview.codeProperty).toBeNull();
    expect(preview.counts.drawnMunicipalities).toBe(61);
    expect(preview.rows.find((row) => row.municipalityId === 'AL132')?.message).toBe(
      '"Bashkia Kukës" read as Kukës.',
    );
  });
});

describe('previewBoundaries: matching names feature by feature', () => {
  it('suggests close spellings, flags counties, several places, duplicates and gaps', () => {
    const names = [
      'Kukesi', // alias → Kukës
      'Bashkia Kukës', // the same municipality again → duplicates
      'Qarku Dibër', // a county
      'Gjirokstrr', // misspelt beyond correction → suggestion
      'Tirana, Durrës', // two places
      'Xyzzy', // nothing
      'Paskuqan', // an administrative unit of Kamëz
    ];
    const preview = ready(previewBoundaries('mixed.geojson', namedFile(names), gazetteer));
    const rows = preview.rows;
    expect(rows.map((row) => [row.nameInFile, row.status, row.municipalityName])).toEqual([
      ['Kukesi', 'duplicate', 'Kukës'],
      ['Bashkia Kukës', 'duplicate', 'Kukës'],
      ['Qarku Dibër', 'county', null],
      ['Gjirokstrr', 'unmatched', null],
      ['Tirana, Durrës', 'ambiguous', null],
      ['Xyzzy', 'unmatched', null],
      ['Paskuqan', 'matched', 'Kamëz'],
    ]);
    expect(rows[0]?.message).toMatch(/Also matched by feature 2 \("Bashkia Kukës"\)/);
    expect(rows[1]?.message).toMatch(/Also matched by feature 1 \("Kukesi"\)/);
    expect(rows[2]?.message).toBe('Names the county Dibër, not a municipality.');
    expect(rows[3]?.message).toBe('Unknown municipality "Gjirokstrr": did you mean Gjirokastër?');
    expect(rows[3]?.suggestions).toEqual([{ id: byName('Gjirokastër').id, name: 'Gjirokastër' }]);
    expect(rows[4]?.suggestions.map((s) => s.name)).toEqual(['Tiranë', 'Durrës']);
    expect(rows[5]?.suggestions).toEqual([]);
    expect(rows[6]?.message).toMatch(/through the settlement Paskuqan/);

    expect(preview.counts).toMatchObject({
      features: 7,
      matched: 1,
      duplicates: 2,
      unmatched: 4,
      counties: 1,
      drawnMunicipalities: 2,
      missing: 59,
    });
    expect(preview.missingMunicipalities.map((m) => m.name)).toContain('Bulqizë');
    expect(preview.missingMunicipalities.map((m) => m.name)).not.toContain('Kukës');

    // Duplicates are drawn as parts of one municipality: a MultiPolygon of both features.
    const kukes = preview
      .boundaries()
      .features.find((f) => f.properties.municipalityId === 'AL132');
    expect(kukes?.geometry.type).toBe('MultiPolygon');
    expect(kukes?.properties.nameInFile).toBe('Kukesi + Bashkia Kukës');
  });

  it('applies the user’s choices: a suggestion taken, a duplicate left out', () => {
    const text = namedFile(['Kukesi', 'Bashkia Kukës', 'Gjirokstrr']);
    const read = readBoundaryFile('choices.geojson', text, gazetteer);
    if (!read.ok) throw new Error(boundaryFailureInEnglish(read));
    const gjirokaster = byName('Gjirokastër').id;
    const preview = ready(
      matchBoundaries(read, gazetteer, {
        assignments: { 1: null, 2: gjirokaster },
      }),
    );
    expect(preview.rows.map((row) => [row.status, row.municipalityId])).toEqual([
      ['matched', 'AL132'],
      ['left-out', 'AL132'],
      ['matched', gjirokaster],
    ]);
    expect(preview.rows[2]?.message).toBe('Chosen by you.');
    expect(preview.counts).toMatchObject({ matched: 2, duplicates: 0, leftOut: 1 });
    const drawn = preview.boundaries().features;
    expect(drawn.map((f) => f.properties.municipalityId)).toEqual(['AL132', gjirokaster]);
    expect(drawn[0]?.geometry.type).toBe('Polygon');
    // A choice of a municipality that does not exist is ignored.
    const bogus = matchBoundaries(read, gazetteer, { assignments: { 2: 'AL999' } });
    expect(bogus.rows[2]?.status).toBe('unmatched');
  });

  it('re-matches with another name property without reading the file again', () => {
    const text = JSON.stringify(
      boundaryFile((m) => ({ label: 'Zone', official: m.name }), {
        only: ['AL111', 'AL112'],
      }),
    );
    const read = readBoundaryFile('two.geojson', text, gazetteer);
    if (!read.ok) throw new Error(boundaryFailureInEnglish(read));
    expect(matchBoundaries(read, gazetteer).nameProperty).toBe('official');
    const byLabel = matchBoundaries(read, gazetteer, { nameProperty: 'label' });
    expect(byLabel.rows.map((row) => row.status)).toEqual(['unmatched', 'unmatched']);
    const none = ready(
      matchBoundaries(read, gazetteer, { nameProperty: null, codeProperty: null }),
    );
    expect(none.rows[0]?.message).toBe('No name property is chosen.');
    expect(none.warnings.join(' ')).toMatch(/Pick the property that holds the municipality names/);
  });

  it('keeps a name that is HTML as the plain text it is', () => {
    const name = '<img src=x onerror="alert(1)">';
    const preview = ready(previewBoundaries('x.geojson', namedFile([name]), gazetteer));
    expect(preview.rows[0]?.nameInFile).toBe(name);
    expect(preview.rows[0]?.status).toBe('unmatched');
    expect(preview.rows[0]?.message).toContain(name);
  });

  it('says when a file looks like counties rather than municipalities', () => {
    const text = JSON.stringify(
      boundaryFile((m) => ({ name: `Qarku ${m.name}` }), {
        only: ['AL112', 'AL121', 'AL132'],
      }),
    );
    const preview = ready(previewBoundaries('qarqe.geojson', text, gazetteer));
    expect(preview.counts.counties).toBe(3);
    expect(preview.warnings.join(' ')).toMatch(/looks like a file of counties/);
  });
});

describe('previewBoundaries: geometry and coordinates', () => {
  const [kukesCell] = municipalityCells().filter((cell) => cell.municipalityId === 'AL132');
  const kukes = (geometry: unknown, name = 'Kukës') => ({
    type: 'Feature',
    properties: { name },
    geometry,
  });

  it('skips features that are not polygons, or broken, and says which and why', () => {
    const text = collection([
      kukes(kukesCell?.geometry),
      kukes({ type: 'Point', coordinates: [20.4, 42.1] }, 'Has'),
      kukes(
        {
          type: 'LineString',
          coordinates: [
            [20, 42],
            [20.1, 42.1],
          ],
        },
        'Tropojë',
      ),
      kukes(null, 'Mat'),
      kukes(
        {
          type: 'Polygon',
          coordinates: [
            [
              [20, 'x'],
              [20.1, 42],
              [20, 42.1],
              [20, 'x'],
            ],
          ],
        },
        'Klos',
      ),
      { type: 'Feature', properties: { name: 'Dibër' } },
      kukes(
        {
          type: 'Polygon',
          coordinates: [
            [
              [20, 41],
              [20, 41],
              [20, 41],
              [20, 41],
            ],
          ],
        },
        'Krujë',
      ),
    ]);
    const preview = ready(previewBoundaries('mixed.geojson', text, gazetteer));
    expect(preview.rows.map((row) => [row.status, row.municipalityName, row.drawable])).toEqual([
      ['matched', 'Kukës', true],
      ['skipped', 'Has', false],
      ['skipped', 'Tropojë', false],
      ['skipped', 'Mat', false],
      ['skipped', 'Klos', false],
      ['skipped', 'Dibër', false],
      ['skipped', 'Krujë', false],
    ]);
    const messages = preview.rows.map((row) => row.message);
    expect(messages[1]).toBe(
      'Not drawn: the feature is a Point: only Polygon and MultiPolygon areas can be drawn.',
    );
    expect(messages[2]).toMatch(/is a LineString/);
    expect(messages[3]).toMatch(/has no geometry/);
    expect(messages[4]).toMatch(/a coordinate is not a number/);
    expect(messages[5]).toMatch(/has no geometry/);
    expect(messages[6]).toMatch(/too small to draw/);
    expect(preview.counts).toMatchObject({ skipped: 6, drawnMunicipalities: 1, missing: 60 });
    expect(preview.boundaries().features).toHaveLength(1);
  });

  it('refuses projected coordinates (EPSG:6870 or UTM 34N metres) with the fix', () => {
    // Roughly what Albania looks like in EPSG:6870 metres; only the magnitudes matter here.
    const toMetres = ([lon = 0, lat = 0]: Position): Position => [
      500_000 + (lon - 20) * 84_000,
      lat * 111_000,
    ];
    const file = boundaryFile((m) => ({ name: m.name }), { transform: toMetres });
    const declared = {
      ...file,
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::6870' } },
    };
    const message = failure(
      previewBoundaries('bashki_6870.geojson', JSON.stringify(declared), gazetteer),
    );
    expect(message).toContain(
      'coordinates look projected (metres); export the file in WGS 84 / EPSG:4326',
    );
    expect(message).toContain('the file declares EPSG:6870');
    const undeclared = failure(
      previewBoundaries('utm34n.geojson', JSON.stringify(file), gazetteer),
    );
    expect(undeclared).toMatch(/^utm34n\.geojson: coordinates look projected \(metres\)/);
  });

  it('refuses swapped latitude/longitude, and files of somewhere else', () => {
    const swapped = boundaryFile((m) => ({ name: m.name }), {
      transform: ([lon = 0, lat = 0]) => [lat, lon],
    });
    expect(
      failure(previewBoundaries('swapped.geojson', JSON.stringify(swapped), gazetteer)),
    ).toMatch(/latitude, longitude order; GeoJSON wants longitude first/);
    const france = collection([kukes(square(2.3, 48.8), 'Paris')]);
    expect(failure(previewBoundaries('paris.geojson', france, gazetteer))).toMatch(
      /no feature lies in or near Albania; the file covers longitude 2\.3 to 2\.35/,
    );
  });

  it('draws what lies in the country and skips a stray feature outside it', () => {
    const text = collection([kukes(kukesCell?.geometry), kukes(square(2.3, 48.8), 'Has')]);
    const preview = ready(previewBoundaries('stray.geojson', text, gazetteer));
    expect(preview.rows[1]).toMatchObject({ status: 'skipped', municipalityName: 'Has' });
    expect(preview.rows[1]?.message).toMatch(/lies outside Albania/);
    expect(preview.warnings).toContain('1 feature lies outside Albania and will not be drawn.');
  });

  it('rounds to 1e-5°, drops repeated points, closes rings and winds them per RFC 7946', () => {
    // Clockwise outer ring, unclosed, with a repeated point and z values.
    const clockwise: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [20.1234567, 41.1234567, 120],
          [20.1234567, 41.2234567, 130],
          [20.1234568, 41.2234568, 130],
          [20.2234567, 41.2234567, 100],
          [20.2234567, 41.1234567, 90],
        ],
      ],
    };
    const preview = ready(
      previewBoundaries('cw.geojson', collection([kukes(clockwise)]), gazetteer),
    );
    const [feature] = preview.boundaries().features;
    expect(feature?.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [20.12346, 41.12346],
          [20.22346, 41.12346],
          [20.22346, 41.22346],
          [20.12346, 41.22346],
          [20.12346, 41.12346],
        ],
      ],
    });
    const ring = (feature?.geometry as Polygon).coordinates[0] ?? [];
    expect(booleanClockwise(ring)).toBe(false);
  });

  it('simplifies a large file so the stored copy stays under a few MB', () => {
    // Every edge of every cell cut into 80 pieces: the shapes stay, the points multiply.
    const densify = (ring: Position[]): Position[] =>
      ring.flatMap((position, index) => {
        const next = ring[index + 1];
        if (!next) return [position];
        return Array.from({ length: 80 }, (_, step): Position => {
          const t = step / 80;
          const [x0 = 0, y0 = 0] = position;
          const [x1 = 0, y1 = 0] = next;
          // A wobble of ~2 m, so the extra points are not exactly collinear.
          const wobble = step % 2 === 0 ? 0 : 0.00002;
          return [x0 + (x1 - x0) * t + wobble, y0 + (y1 - y0) * t];
        });
      });
    const dense: FeatureCollection<Polygon | MultiPolygon> = {
      type: 'FeatureCollection',
      features: municipalityCells().map((cell): Feature<Polygon | MultiPolygon> => ({
        type: 'Feature',
        properties: {
          name: gazetteer.municipalities.find((m) => m.id === cell.municipalityId)?.name,
        },
        geometry:
          cell.geometry.type === 'Polygon'
            ? { type: 'Polygon', coordinates: cell.geometry.coordinates.map(densify) }
            : {
                type: 'MultiPolygon',
                coordinates: cell.geometry.coordinates.map((p) => p.map(densify)),
              },
      })),
    };
    const text = JSON.stringify(dense);
    const started = performance.now();
    const preview = ready(previewBoundaries('dense.geojson', text, gazetteer));
    const stored = JSON.stringify(preview.boundaries());
    console.log(
      `dense file: ${(text.length / 1e6).toFixed(1)} MB, ` +
        `${preview.simplification?.positionsBefore} → ${preview.simplification?.positionsAfter} points, ` +
        `stored ${(stored.length / 1e6).toFixed(2)} MB, ${Math.round(performance.now() - started)} ms`,
    );
    expect(preview.simplification).not.toBeNull();
    expect(preview.simplification?.positionsBefore).toBeGreaterThan(MAX_STORED_POSITIONS);
    expect(preview.simplification?.positionsAfter).toBeLessThanOrEqual(MAX_STORED_POSITIONS);
    expect(stored.length).toBeLessThan(3_000_000);
    expect(preview.counts.drawnMunicipalities).toBe(61);
    expect(preview.warnings.join(' ')).toMatch(/The shapes were simplified \(tolerance ≈ \d+ m\)/);
    // Small files are kept as they are.
    expect(
      ready(previewBoundaries('small.geojson', JSON.stringify(hdxLikeFile()), gazetteer))
        .simplification,
    ).toBeNull();
  });
});

describe('previewBoundaries: files that are not what they should be', () => {
  it('names the line and column of a JSON syntax error, and what is wrong there', () => {
    const text =
      '{\n  "type": "FeatureCollection",\n  "features": [\n    {"type": "Feature" "properties": {}}\n  ]\n}';
    expect(failure(previewBoundaries('broken.geojson', text, gazetteer))).toBe(
      "broken.geojson is not valid JSON: expected ',' or '}' after a property value, found '\"' (line 4, column 24).",
    );
    expect(failure(previewBoundaries('cut.geojson', '{"type": "Featu', gazetteer))).toBe(
      'cut.geojson is not valid JSON: a text value in double quotes is never closed (line 1, column 10).',
    );
    expect(failure(previewBoundaries('comma.geojson', '{"features": [1,]}', gazetteer))).toBe(
      "comma.geojson is not valid JSON: expected a value, found ']' (line 1, column 17).",
    );
  });

  it('locates every kind of JSON error the scan knows, and passes valid JSON', () => {
    const cases: [string, number, RegExp][] = [
      ['{"a": 1,}', 8, /expected a property name in double quotes, found '}'/],
      ['{"a" 1}', 5, /expected ':' after a property name/],
      ['[1 2]', 3, /expected ',' or '\]' after an array element, found '2'/],
      ['{"a": 01}', 7, /expected ',' or '}' after a property value, found '1'/],
      ['{"a": -}', 6, /a number is written wrongly/],
      ['{"a": "x\\q"}', 8, /unknown escape/],
      ['{"a": "line\nbreak"}', 11, /control character/],
      ['{} x', 3, /unexpected 'x' after the end of the JSON/],
      ['', 0, /expected a value, found the end of the file/],
      ['{"a": tru}', 6, /expected a value, found 't'/],
      ['['.repeat(1002), 1001, /nested too deeply/],
    ];
    for (const [text, offset, reason] of cases) {
      const located = locateJsonError(text);
      expect(located?.offset, text).toBe(offset);
      expect(located && translator('en')('boundaries.jsonProblem', located.reason), text).toMatch(
        reason,
      );
      expect(() => JSON.parse(text) as unknown, text).toThrow();
    }
    for (const valid of ['{"a": [1, -2.5e3, "\\u00eb", true, false, null]}', ' [] ', '"x"']) {
      expect(JSON.parse(valid), valid).toBeDefined();
      expect(locateJsonError(valid), valid).toBeNull();
    }
  });

  it('explains TopoJSON, bare geometries, arrays and other JSON', () => {
    const topo = JSON.stringify({ type: 'Topology', objects: {}, arcs: [] });
    expect(failure(previewBoundaries('alb.topojson', topo, gazetteer))).toMatch(
      /^alb\.topojson is TopoJSON, not GeoJSON: convert it to GeoJSON first/,
    );
    const bare = JSON.stringify({ type: 'GeometryCollection', geometries: [square(20, 41)] });
    expect(failure(previewBoundaries('g.geojson', bare, gazetteer))).toMatch(
      /holds a bare GeometryCollection: geometries without properties have no name to match/,
    );
    expect(
      failure(previewBoundaries('p.geojson', JSON.stringify(square(20, 41)), gazetteer)),
    ).toMatch(/holds a bare Polygon/);
    expect(failure(previewBoundaries('a.json', '[1, 2]', gazetteer))).toMatch(
      /a JSON array, not GeoJSON/,
    );
    expect(failure(previewBoundaries('o.json', '{"name": "x"}', gazetteer))).toMatch(
      /JSON but not GeoJSON/,
    );
    expect(
      failure(previewBoundaries('n.json', '{"type": "FeatureCollection"}', gazetteer)),
    ).toMatch(/without a "features" list/);
    expect(
      failure(
        previewBoundaries('e.json', '{"type": "FeatureCollection", "features": []}', gazetteer),
      ),
    ).toBe('e.json holds no features.');
  });

  it('reads a single Feature as one municipality, and says so', () => {
    const [cell] = municipalityCells();
    const text = JSON.stringify({
      type: 'Feature',
      properties: { name: 'Bulqiza' },
      geometry: cell?.geometry,
    });
    const preview = ready(previewBoundaries('one.geojson', text, gazetteer));
    expect(preview.rows.map((row) => row.municipalityName)).toEqual(['Bulqizë']);
    expect(preview.warnings[0]).toMatch(/holds a single Feature, not a FeatureCollection/);
  });

  it('refuses empty, binary, too large and too many', () => {
    expect(failure(previewBoundaries('empty.geojson', ' \n', gazetteer))).toBe(
      'empty.geojson is empty.',
    );
    expect(
      failure(previewBoundaries('x.geojson', 'PK\u0003\u0004\u0000\u0000', gazetteer)),
    ).toMatch(/is not a text file/);
    const huge = `{"type":"FeatureCollection","features":[]}${' '.repeat(MAX_BOUNDARY_FILE_BYTES)}`;
    expect(failure(previewBoundaries('huge.geojson', huge, gazetteer))).toMatch(
      /^huge\.geojson is larger than 50 MB/,
    );
    const many = collection(
      Array.from({ length: MAX_BOUNDARY_FEATURES + 1 }, () => ({
        type: 'Feature',
        properties: {},
        geometry: null,
      })),
    );
    expect(failure(previewBoundaries('many.geojson', many, gazetteer))).toMatch(
      /holds 5,001 features; a file of municipalities has about 61/,
    );
  });

  it('says when no feature has an area at all', () => {
    const points = collection([
      {
        type: 'Feature',
        properties: { name: 'Kukës' },
        geometry: { type: 'Point', coordinates: [20.4, 42.1] },
      },
    ]);
    expect(failure(previewBoundaries('seats.geojson', points, gazetteer))).toBe(
      'seats.geojson: no feature has a usable Polygon or MultiPolygon geometry (feature 1 is a ' +
        'Point: only Polygon and MultiPolygon areas can be drawn); Harta needs the municipalities’ areas.',
    );
  });

  it('accepts a UTF-8 byte-order mark', () => {
    const text = `\uFEFF${namedFile(['Kukës'])}`;
    expect(ready(previewBoundaries('bom.geojson', text, gazetteer)).counts.matched).toBe(1);
  });
});
