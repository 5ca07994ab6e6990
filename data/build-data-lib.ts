import { joinMultiValue, serializeCsv, splitMultiValue } from '../src/domain/csv';
import { ORGANISATION_COLUMNS, type TaxonomyEntry } from '../src/domain/dataset';
import type { Gazetteer } from '../src/domain/gazetteer-schema';
import { classifyByKeywords } from '../src/domain/keyword-classifier';
import { createPlaceResolver, type PlaceResolution } from '../src/domain/resolve-places';
import { normaliseWebsite } from '../src/domain/website';
import { parseAnnexI, slugify, splitAcronym, type AnnexRow } from '../src/domain/annex-i';
import { parseCuration, type Curation } from '../src/domain/curation';

/**
 * The dataset build: Annex I of the mapping report → data/organisations.csv. Everything is
 * derived by rules a reader can check (the taxonomies' keywords, the place resolver), then
 * the hand decisions in data/curation.csv are applied, each with its reason, and noted on
 * the record. Nothing is typed in by hand here.
 */

export interface DataBuildInput {
  documentId: string;
  documentText: string;
  gazetteer: Gazetteer;
  activityTypes: TaxonomyEntry[];
  focusTypes: TaxonomyEntry[];
  organisationKinds: TaxonomyEntry[];
  curationCsv: string;
}

type OrganisationRecord = Record<(typeof ORGANISATION_COLUMNS)[number], string>;

export class DataBuildError extends Error {
  override name = 'DataBuildError';
}

function describeResolution(resolution: PlaceResolution): string[] {
  const notes: string[] = [];
  for (const area of resolution.areas) {
    if (area.via) {
      const places = area.via.map((place) => `"${place}"`).join(', ');
      notes.push(
        `${places} ${area.via.length > 1 ? 'are' : 'is'} in ${area.name} (${area.level}).`,
      );
    }
    if (area.note) notes.push(`${area.note}.`);
    if (area.refinedBy) {
      const whole = area.level === 'county' ? `${area.name} county` : area.name;
      notes.push(
        `"${area.matched}" is narrowed by the places in brackets after it; only they are recorded, not all of ${whole}.`,
      );
    }
  }
  for (const place of resolution.unresolved) {
    const where = place.within ? ' (inside an area already listed)' : '';
    const names = place.candidates.map((candidate) => candidate.name).join(' or ');
    const candidates =
      place.candidates.length === 0
        ? ''
        : place.reason === 'ambiguous'
          ? `; it could be in ${names}`
          : `; a close spelling names a place in ${names}`;
    notes.push(`"${place.text}" is not in the gazetteer${where}${candidates}.`);
  }
  return notes;
}

function buildRecord(
  row: AnnexRow,
  input: DataBuildInput,
  resolvePlaces: (text: string) => PlaceResolution,
): {
  record: OrganisationRecord;
  notes: string[];
} {
  const { name, acronym } = splitAcronym(row.name);
  const website = normaliseWebsite(row.website);
  const resolution = resolvePlaces(row.geographicFocus);
  const notes = describeResolution(resolution);
  if (website.url === null && website.problem) notes.push(`Website: ${website.problem}.`);
  const local = resolution.scope === 'local';
  // An area refined by narrower places in brackets is context, not where the work is.
  const areaNames = (level: 'county' | 'municipality') =>
    joinMultiValue(
      resolution.areas
        .filter((area) => area.level === level && !area.refinedBy)
        .map((area) => area.name),
    );
  const [kind] = classifyByKeywords(name, input.organisationKinds);
  return {
    notes,
    record: {
      id: slugify(name),
      source_document: input.documentId,
      annex_row: String(row.row),
      name,
      acronym: acronym ?? '',
      kind: kind ?? 'cso',
      website_raw: row.website,
      website: website.url ?? '',
      theme: row.theme,
      activity_types: joinMultiValue(classifyByKeywords(row.theme, input.activityTypes)),
      focus_of_activities: row.focusOfActivities,
      focus_types: joinMultiValue(classifyByKeywords(row.focusOfActivities, input.focusTypes)),
      geographic_focus: row.geographicFocus,
      scope: resolution.scope === 'none' ? '' : resolution.scope,
      counties: local ? areaNames('county') : '',
      municipalities: local ? areaNames('municipality') : '',
      unresolved_places: joinMultiValue(resolution.unresolved.map((place) => place.text)),
      notes: '',
    },
  };
}

function applyCuration(record: OrganisationRecord, notes: string[], curation: Curation): void {
  const field = curation.field;
  const before = record[field];
  const multiValued = ['activity_types', 'focus_types', 'counties', 'municipalities'].includes(
    field,
  );
  const where = `curation.csv:${curation.line}`;
  switch (curation.action) {
    case 'set':
      record[field] = curation.value;
      break;
    case 'add': {
      if (!multiValued) throw new DataBuildError(`${where}: "add" needs a multi-valued field`);
      const values = splitMultiValue(before);
      record[field] = joinMultiValue([
        ...values,
        ...splitMultiValue(curation.value).filter((v) => !values.includes(v)),
      ]);
      break;
    }
    case 'remove': {
      if (!multiValued) throw new DataBuildError(`${where}: "remove" needs a multi-valued field`);
      const removed = new Set(splitMultiValue(curation.value));
      record[field] = joinMultiValue(splitMultiValue(before).filter((v) => !removed.has(v)));
      break;
    }
    case 'note':
      notes.push(curation.reason);
      return;
  }
  if (record[field] === before) {
    throw new DataBuildError(
      `${where}: changes nothing (row ${curation.annexRow}, ${field}); remove it`,
    );
  }
  const change =
    curation.action === 'set'
      ? `${field.replace('_', ' ')} set to "${curation.value}"`
      : `${field.replace('_', ' ')}: ${curation.action === 'add' ? 'added' : 'removed'} ${curation.value}`;
  notes.push(`Curated: ${change}. ${curation.reason}`);
}

/** Builds data/organisations.csv from the report. Throws on anything it cannot account for. */
export function buildOrganisationsCsv(input: DataBuildInput): string {
  const rows = parseAnnexI(input.documentText);
  const { resolvePlaces } = createPlaceResolver(input.gazetteer);
  const { curations, problems } = parseCuration(input.curationCsv);
  if (problems.length > 0) {
    throw new DataBuildError(
      problems.map((p) => `curation.csv:${p.line}: ${p.message}`).join('\n'),
    );
  }
  const rowNumbers = new Set(rows.map((row) => row.row));
  for (const curation of curations) {
    if (!rowNumbers.has(curation.annexRow)) {
      throw new DataBuildError(
        `curation.csv:${curation.line}: Annex I has no row ${curation.annexRow}`,
      );
    }
  }
  const records = rows.map((row) => {
    const { record, notes } = buildRecord(row, input, resolvePlaces);
    for (const curation of curations.filter((c) => c.annexRow === row.row)) {
      applyCuration(record, notes, curation);
    }
    if (record.scope === '') {
      throw new DataBuildError(
        `Annex I row ${row.row}: geographic focus "${row.geographicFocus}" names no known place; add a curation`,
      );
    }
    if (record.scope === 'national') {
      record.counties = '';
      record.municipalities = '';
    }
    record.notes = notes.join(' ');
    return record;
  });
  const ids = new Set<string>();
  for (const record of records) {
    if (ids.has(record.id)) throw new DataBuildError(`two organisations get the id "${record.id}"`);
    ids.add(record.id);
  }
  return serializeCsv(
    ORGANISATION_COLUMNS,
    records.map((record) => ORGANISATION_COLUMNS.map((column) => record[column])),
  );
}
