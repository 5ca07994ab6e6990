import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importChanges, importedDocumentId } from '../../src/domain/apply-import';
import { checkGazetteer } from '../../src/domain/check-gazetteer';
import type { Gazetteer } from '../../src/domain/gazetteer-schema';
import { previewImport } from '../../src/domain/import-3w';
import { translator } from '../../src/i18n/messages';
import { changesInEnglish } from '../support/import-english';
import {
  applyEdits,
  changedFields,
  describeEdits,
  editCounts,
  editStateOf,
  freshOrganisationId,
  hasEdits,
  NO_EDITS,
  sourceRowLabel,
  sourceRowOf,
  summariseEdits,
  withOrganisations,
  withoutOrganisation,
} from '../../src/domain/local-edits';
import {
  EDITS_SCHEMA_VERSION,
  readStoredEdits,
  storedEditsOf,
} from '../../src/domain/stored-edits';
import { makeDataset, makeOrganisation } from './fixtures/dataset-fixture';

// The REAL gazetteer so places resolve as in the app; the dataset and sheets are SYNTHETIC.
const root = new URL('../../', import.meta.url);
const checked = checkGazetteer(readFileSync(new URL('geo/gazetteer.json', root), 'utf8'));
if (!checked.gazetteer) throw new Error('geo/gazetteer.json does not load');
const gazetteer: Gazetteer = checked.gazetteer;

describe('local edits over the published dataset', () => {
  const published = makeDataset();

  it('replaces a published record in place, appends a new one, drops a deleted one', () => {
    const changed = { ...published.organisations[1]!, name: 'Renamed' };
    const added = makeOrganisation({ id: 'new-one', name: 'New One' });
    let edits = withOrganisations(NO_EDITS, published, [changed, added]);
    edits = withoutOrganisation(edits, published, 'national-donor');
    const view = applyEdits(published, edits);
    expect(view.organisations.map((o) => o.id)).toEqual([
      'cerrik-one',
      'cerrik-two',
      'elbasan-county',
      'pogradec-youth',
      'new-one',
    ]);
    expect(view.organisations[1]!.name).toBe('Renamed');
    // The published dataset itself is untouched.
    expect(published.organisations[1]!.name).toBe('Cërrik Two');
    expect(published.organisations).toHaveLength(5);
    const summary = summariseEdits(published, edits);
    expect(summary.added.map((o) => o.id)).toEqual(['new-one']);
    expect(summary.changed.map((c) => [c.after.id, c.fields])).toEqual([['cerrik-two', ['name']]]);
    expect(summary.deleted.map((o) => o.id)).toEqual(['national-donor']);
    expect(editStateOf(edits, published, 'cerrik-two')).toBe('changed');
    expect(editStateOf(edits, published, 'new-one')).toBe('added');
    expect(editStateOf(edits, published, 'cerrik-one')).toBeNull();
  });

  it('stops counting a record as edited once it is set back to its published version', () => {
    const original = published.organisations[0]!;
    const edits = withOrganisations(NO_EDITS, published, [{ ...original, acronym: 'X' }]);
    expect(hasEdits(edits)).toBe(true);
    const back = withOrganisations(edits, published, [{ ...original }]);
    expect(hasEdits(back)).toBe(false);
    expect(applyEdits(published, back)).toBe(published);
  });

  it('deleting a local addition removes it instead of recording a deletion', () => {
    const added = makeOrganisation({ id: 'new-one' });
    const edits = withoutOrganisation(
      withOrganisations(NO_EDITS, published, [added]),
      published,
      'new-one',
    );
    expect(edits.upserts).toEqual([]);
    expect(edits.deletedIds).toEqual([]);
  });

  it('re-adding a deleted record clears the deletion', () => {
    const edits = withoutOrganisation(NO_EDITS, published, 'cerrik-one');
    const again = withOrganisations(edits, published, [
      { ...published.organisations[0]!, notes: 'back' },
    ]);
    expect(again.deletedIds).toEqual([]);
    expect(applyEdits(published, again).organisations[0]!.notes).toBe('back');
  });

  it('names the changed fields, in the order they are compared', () => {
    const before = published.organisations[0]!;
    expect(
      changedFields(before, { ...before, municipalityIds: ['AL212', 'AL345'], scope: 'national' }),
    ).toEqual(['scope', 'municipalityIds']);
    expect(changedFields(before, { ...before })).toEqual([]);
  });

  it('labels a source row by where it comes from', () => {
    expect(sourceRowLabel({ document: '000_61f3ef4351b68807', row: 12 })).toBe('Annex I row 12');
    expect(sourceRowLabel({ document: 'import-2026-11-22-sheet-csv', row: 4 })).toBe('line 4');
    expect(sourceRowLabel({ document: 'x', row: null })).toBeNull();
    expect(sourceRowOf({ document: 'import-2026-11-22-sheet-csv', row: 4 })).toEqual({
      kind: 'line',
      row: 4,
    });
    expect(sourceRowOf({ document: '000_61f3ef4351b68807', row: 12 })).toEqual({
      kind: 'annexRow',
      row: 12,
    });
  });

  it('counts and describes the edits, in English unless given words', () => {
    const published = makeDataset();
    let edits = withOrganisations(NO_EDITS, published, [
      { ...published.organisations[1]!, name: 'Renamed' },
      makeOrganisation({ id: 'new-one' }),
      makeOrganisation({ id: 'new-two' }),
    ]);
    edits = withoutOrganisation(edits, published, 'national-donor');
    const summary = summariseEdits(published, edits);
    expect(editCounts(summary)).toEqual({ added: 2, changed: 1, deleted: 1 });
    expect(describeEdits(summary)).toBe('2 added, 1 changed, 1 deleted');
    expect(describeEdits(summary, (kind, count) => `${kind}=${count}`, '; ')).toBe(
      'added=2; changed=1; deleted=1',
    );
    expect(describeEdits(summariseEdits(published, NO_EDITS))).toBeNull();
  });

  it('makes fresh ids', () => {
    expect(freshOrganisationId('a', new Set(['a', 'a-2']))).toBe('a-3');
    expect(freshOrganisationId('', new Set())).toBe('organisation');
  });
});

describe('saved edits: schema version and damage', () => {
  const edits = withOrganisations(NO_EDITS, makeDataset(), [
    makeOrganisation({ id: 'new-one', name: '<img src=x onerror=alert(1)>' }),
  ]);

  it('reads back what was saved, name kept verbatim', () => {
    const stored = storedEditsOf('AL', edits, new Date('2026-11-22T10:00:00Z'));
    expect(stored.schemaVersion).toBe(EDITS_SCHEMA_VERSION);
    const read = readStoredEdits(JSON.parse(JSON.stringify(stored)), 'AL');
    expect(read).toEqual({ ok: true, edits, problems: [], savedVersion: EDITS_SCHEMA_VERSION });
  });

  it('reads nothing saved as no edits', () => {
    expect(readStoredEdits(undefined, 'AL')).toMatchObject({ ok: true, edits: NO_EDITS });
  });

  it('refuses, without touching it, a value saved by a newer Harta', () => {
    const read = readStoredEdits({ schemaVersion: EDITS_SCHEMA_VERSION + 1, edits: {} }, 'AL');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(/newer version of Harta/);
  });

  it('refuses a value that is not a saved-edits record, or for another country', () => {
    expect(readStoredEdits('garbage', 'AL').ok).toBe(false);
    expect(readStoredEdits({ schemaVersion: 0 }, 'AL').ok).toBe(false);
    const other = storedEditsOf('XK', edits, new Date());
    expect(readStoredEdits(other, 'AL')).toMatchObject({ ok: false });
  });

  it('keeps the sound records of a damaged value and names the dropped ones', () => {
    const stored = storedEditsOf('AL', edits, new Date());
    const damaged = {
      ...stored,
      edits: {
        ...stored.edits,
        upserts: [
          ...stored.edits.upserts,
          {
            ...stored.edits.upserts[0],
            id: 'bad',
            name: 'Bad link',
            website: 'javascript:alert(1)',
          },
        ],
        deletedIds: ['cerrik-one', 42],
      },
    };
    const read = readStoredEdits(damaged, 'AL');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.edits.upserts.map((o) => o.id)).toEqual(['new-one']);
    expect(read.edits.deletedIds).toEqual(['cerrik-one']);
    expect(read.problems).toEqual([
      'changed organisation 2 ("Bad link") was dropped: website must be an http(s) address',
      'deletion 2 was dropped: not an organisation id',
    ]);
  });
});

describe('importChanges: a previewed sheet as records', () => {
  const context = () => ({ gazetteer, dataset: makeDataset() });
  const options = { fileName: 'partner 3W.csv', importedAt: '2026-11-22' };

  it('adds new organisations citing the file and line, and updates matched ones as the preview said', () => {
    const sheet = [
      'Organisation,Kind,Activity,Municipality,Start,Status',
      'Qendra Rinore,CSO,Training,Kukës,2019-01,ongoing',
      'Qendra Rinore,CSO,Training,Has,2019-01,ongoing',
      'Cërrik One,,,Peqin,,',
      'Pogradec Youth,,,Pogradec,,',
    ].join('\n');
    const ctx = context();
    const preview = previewImport(options.fileName, sheet, ctx);
    expect(preview.errors).toEqual([]);
    const changes = importChanges(preview, ctx, options);
    expect(changes.ok).toBe(true);
    if (!changes.ok) return;
    expect(changes.unchangedCount).toBe(1);
    expect(changes.document.id).toBe(importedDocumentId(options.fileName, options.importedAt));
    expect(changes.document.id).toBe('import-2026-11-22-partner-3w-csv');
    const [added, updated] = changes.organisations;
    expect(added).toMatchObject({ action: 'add', lines: [2, 3] });
    expect(added!.organisation).toMatchObject({
      id: 'qendra-rinore',
      name: 'Qendra Rinore',
      kind: 'cso',
      activityTypes: ['training'],
      scope: 'local',
      municipalityIds: ['AL132', 'AL131'],
      source: { document: changes.document.id, row: 2 },
    });
    expect(added!.organisation.notes).toBe(
      'Imported from partner 3W.csv (lines 2, 3) on 2026-11-22; dates 2019-01 to ?; status: ongoing.',
    );
    expect(updated).toMatchObject({ action: 'update', lines: [4] });
    expect(updated!.organisation.id).toBe('cerrik-one');
    expect(updated!.organisation.municipalityIds).toEqual(['AL216']); // Peqin
    // An empty activity cell says nothing: the types stay.
    expect(updated!.organisation.activityTypes).toEqual(['awareness']);
    expect(updated!.organisation.source).toEqual({ document: 'fixture', row: null });
    expect(updated!.organisation.notes).toMatch(
      /^Updated from partner 3W\.csv \(line 4\) on 2026-11-22: municipalities: \+ Peqin; − Cërrik\.$/,
    );
  });

  it('in "add" mode, adds places and types to a record and removes none', () => {
    const ctx = context();
    const sheet = 'Organisation,Activity,Municipality\nCërrik One,Research,Peqin\n';
    const replace = previewImport('s.csv', sheet, ctx);
    expect(changesInEnglish(replace.rows[0]!.changes)).toEqual([
      'municipalities: + Peqin; − Cërrik',
      'activity types: + research; − awareness',
    ]);
    const add = previewImport('s.csv', sheet, ctx, { mode: 'add' });
    expect(add.mode).toBe('add');
    expect(changesInEnglish(add.rows[0]!.changes)).toEqual([
      'municipalities: + Peqin',
      'activity types: + research',
    ]);
    const changes = importChanges(add, ctx, options);
    expect(changes.ok && changes.organisations[0]!.organisation).toMatchObject({
      municipalityIds: ['AL212', 'AL216'],
      activityTypes: ['awareness', 'research'],
    });
    // Nothing new in "add" mode reads as unchanged.
    const again = previewImport('s.csv', 'Organisation,Municipality\nCërrik One,Cërrik\n', ctx, {
      mode: 'add',
    });
    expect(again.rows[0]!.action).toBe('unchanged');
  });

  it('refuses a sheet with errors unless they are skipped, and then skips every row of that organisation', () => {
    const sheet = [
      'Organisation,Municipality',
      'Cërrik One,Peqin',
      'Cërrik One,Nowhereville',
      'Brand New,Kukës',
    ].join('\n');
    const ctx = context();
    const preview = previewImport('s.csv', sheet, ctx);
    expect(preview.errors.map((e) => e.line)).toEqual([3]);
    const refused = importChanges(preview, ctx, { ...options, defaultKind: 'cso' });
    expect(refused).toEqual({ ok: false, message: { code: 'errors', lines: [3] }, lines: [3] });
    expect(!refused.ok && translator('en')('import.applyFailure', refused.message)).toBe(
      'line 3 has errors: fix them in the file, or skip them',
    );
    const skipped = importChanges(preview, ctx, {
      ...options,
      defaultKind: 'cso',
      skipErrors: true,
    });
    expect(skipped.ok).toBe(true);
    if (!skipped.ok) return;
    // Line 2 goes too: updating Cërrik One from it alone would drop line 3's place.
    expect(skipped.skippedLines).toEqual([2, 3]);
    expect(skipped.organisations.map((o) => o.organisation.name)).toEqual(['Brand New']);
  });

  it('asks for a kind when new organisations have none, and notes the one given', () => {
    const ctx = context();
    const preview = previewImport('s.csv', 'Organisation,Municipality\nBrand New,Kukës\n', ctx);
    const refused = importChanges(preview, ctx, options);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && translator('en')('import.applyFailure', refused.message)).toMatch(
      /no kind \(Brand New\)/,
    );
    const given = importChanges(preview, ctx, { ...options, defaultKind: 'donor' });
    expect(given.ok && given.organisations[0]!.organisation.kind).toBe('donor');
    expect(given.ok && given.organisations[0]!.organisation.notes).toMatch(
      /No kind was given: set to "donor"/,
    );
    expect(importChanges(preview, ctx, { ...options, defaultKind: 'nope' }).ok).toBe(false);
  });

  it('gives a new record a free id and a safe website only', () => {
    const ctx = context();
    const preview = previewImport(
      's.csv',
      'Organisation,Kind,Municipality,Website\nCërrik One Foundation,CSO,Kukës,javascript:alert(1)\n',
      ctx,
    );
    const changes = importChanges(preview, ctx, options);
    expect(changes.ok).toBe(true);
    if (!changes.ok) return;
    const record = changes.organisations[0]!.organisation;
    expect(record.website).toBeNull();
    expect(record.websiteRaw).toBe('javascript:alert(1)');
    const ctx2 = {
      gazetteer,
      dataset: makeDataset([makeOrganisation({ id: 'cerrik-one-foundation', name: 'Other' })]),
    };
    const again = importChanges(
      previewImport(
        's.csv',
        'Organisation,Kind,Municipality\nCërrik One Foundation,CSO,Kukës\n',
        ctx2,
      ),
      ctx2,
      options,
    );
    expect(again.ok && again.organisations[0]!.organisation.id).toBe('cerrik-one-foundation-2');
  });

  it('applied as local edits, then re-imported, reads as unchanged', () => {
    const ctx = context();
    const sheet =
      'Organisation,Kind,Activity,Municipality\nQendra Rinore,CSO,Training,Kukës\nCërrik One,,,Peqin\n';
    const changes = importChanges(previewImport('s.csv', sheet, ctx), ctx, options);
    if (!changes.ok) throw new Error(JSON.stringify(changes.message));
    const edits = withOrganisations(
      NO_EDITS,
      ctx.dataset,
      changes.organisations.map((o) => o.organisation),
      [changes.document],
    );
    const after = applyEdits(ctx.dataset, edits);
    expect(after.documents.map((d) => d.id)).toContain(changes.document.id);
    const again = previewImport('s.csv', sheet, { gazetteer, dataset: after });
    expect(again.rows.map((row) => row.action)).toEqual(['unchanged', 'unchanged']);
  });
});
