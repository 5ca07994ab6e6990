import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BoundaryImport } from '../../src/components/boundary-import';
import { ImportWizard } from '../../src/components/import-wizard';
import { createHartaStore } from '../../src/store/harta-store';
import { StoreProvider } from '../../src/store/store-provider';
import { englishLeftIn } from '../support/english-text';
import { boundaryFile, gazetteer as realGazetteer } from '../unit/fixtures/boundary-fixture';
import { makeDataset } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';
import { fakeFileActions } from '../support/file-actions';

// The 3W import wizard and the boundary loader in Albanian (?lang=sq): no English left in any
// state, data (names, file names, headers as written) marked as such. SYNTHETIC sheets and
// boundary files; the boundary test uses the REAL gazetteer (geo/gazetteer.json).

function renderWizard() {
  const store = createHartaStore(
    { gazetteer: makeGazetteer(), dataset: makeDataset() },
    { lang: 'sq' },
  );
  const files = fakeFileActions();
  const { container } = render(
    <StoreProvider store={store}>
      <ImportWizard files={files} />
    </StoreProvider>,
  );
  return { store, container, user: userEvent.setup() };
}

const sheet = (name: string, text: string) => new File([text], name, { type: 'text/csv' });

const PARTNER_SHEET = [
  'Organisation,Kind,Activity,Bashkia,Start',
  'Qendra Rinore,CSO,Training,Pogradec,',
  'Qendra Rinore,CSO,Training,Korça,',
  'Cërrik One,,,Prrenjas,',
  'Pogradec Youth,,,Pogradeci,',
  'Nowhere Group,CSO,,Pogradecc,',
  'Qendra Rinore,CSO,Training,Pogradec,',
  'Grupi Tjetër,CSO,,Pogradec,someday',
].join('\n');

describe('import wizard in Albanian', () => {
  it('has no English before a file is chosen', () => {
    const { container } = renderWizard();
    expect(screen.getByRole('heading', { name: 'Importo një tabelë 3W' })).toBeVisible();
    expect(englishLeftIn(container)).toEqual([]);
  });

  it('previews a sheet, its errors, warnings and rows, and applies it, all in Albanian', async () => {
    const { container, user } = renderWizard();
    await user.upload(screen.getByTestId('import-file'), sheet('partner.csv', PARTNER_SHEET));
    const preview = await screen.findByRole('region', { name: 'Parapamja e partner.csv' });
    expect(preview).toHaveTextContent(
      'partner.csv: 7 rreshta; organizata: 1 për t’u shtuar, 1 për t’u përditësuar, 1 pa ndryshim, 2 me gabime; 2 gabime, 1 paralajmërim.',
    );
    // The column mapping, before the columns are confirmed.
    expect(within(preview).getByRole('table', { name: 'Si lexohen kolonat' })).toBeVisible();
    expect(englishLeftIn(container)).toEqual([]);

    await user.click(within(preview).getByRole('button', { name: 'Kolonat lexohen saktë' }));
    const errors = within(preview).getByRole('region', { name: 'Gabime' });
    expect(errors).toHaveTextContent(
      'Rreshti 6, Bashkia: bashki e panjohur «Pogradecc»: mos keni parasysh Pogradec?',
    );
    expect(errors).toHaveTextContent(
      'Rreshti 8, Start: «someday» nuk është datë (shkruani YYYY-MM-DD, DD/MM/YYYY ose DD.MM.YYYY)',
    );
    expect(within(preview).getByRole('region', { name: 'Paralajmërime' })).toHaveTextContent(
      'Rreshti 7: përsërit rreshtin 2',
    );
    const rows = within(preview).getByRole('table', { name: 'Rreshtat e skedarit' });
    expect(within(rows).getByRole('cell', { name: /^bashkitë:/ })).toHaveTextContent(
      'bashkitë: + Prrenjas; − Cërrik',
    );
    expect(englishLeftIn(container)).toEqual([]);

    // Refused while errors remain, then applied with them skipped.
    await user.click(within(preview).getByRole('button', { name: 'Zbato: shto 1, përditëso 1' }));
    expect(
      await screen.findByText(
        'rreshtat 6, 8 kanë gabime: korrigjojini në skedar ose anashkalojini',
      ),
    ).toBeVisible();
    expect(englishLeftIn(container)).toEqual([]);
    await user.click(within(preview).getByRole('checkbox', { name: /Anashkalo rreshtat/ }));
    await user.click(within(preview).getByRole('button', { name: 'Zbato: shto 1, përditëso 1' }));
    expect(
      await screen.findByText(
        'U importua partner.csv: 1 të shtuara, 1 të përditësuara, 1 pa ndryshim; u anashkalën rreshtat 6, 8. «Zhbëj» i kthen të gjitha si ishin.',
      ),
    ).toBeVisible();
    expect(englishLeftIn(container)).toEqual([]);
  });

  it('says in Albanian, naming the file, why a file cannot be read', async () => {
    const { container, user } = renderWizard();
    await user.upload(screen.getByTestId('import-file'), sheet('bosh.csv', ''));
    expect(await screen.findByRole('alert')).toHaveTextContent('bosh.csv është bosh');
    expect(englishLeftIn(container)).toEqual([]);
  });

  it('reads an HXL sheet at once and asks in Albanian for the kind of new organisations', async () => {
    const { container, user } = renderWizard();
    await user.upload(
      screen.getByTestId('import-file'),
      sheet('hxl.csv', 'Emri,Bashkia\n#org+name,#adm2+name\nQendra Rinore,Pogradec\n'),
    );
    const preview = await screen.findByRole('region', { name: 'Parapamja e hxl.csv' });
    expect(
      within(preview).getByRole('combobox', {
        name: 'Lloji i organizatave të reja për të cilat tabela nuk jep asnjë:',
      }),
    ).toBeVisible();
    expect(
      within(preview).getByRole('button', { name: 'Zbato: shto 1, përditëso 0' }),
    ).toBeVisible();
    expect(englishLeftIn(container)).toEqual([]);
  });

  it('names a missing column and the fields in Albanian', async () => {
    const { container, user } = renderWizard();
    await user.upload(
      screen.getByTestId('import-file'),
      sheet('s.csv', 'Who,Place\nQendra Rinore,Pogradec\n'),
    );
    const preview = await screen.findByRole('region', { name: 'Parapamja e s.csv' });
    const place = within(preview).getByRole('combobox', { name: 'Place' });
    await user.selectOptions(place, 'Lloji i organizatës');
    await user.click(within(preview).getByRole('button', { name: 'Kolonat lexohen saktë' }));
    expect(within(preview).getByRole('region', { name: 'Gabime' })).toHaveTextContent(
      /Rreshti 1: mungon kolona e detyrueshme: një vend/,
    );
    expect(englishLeftIn(container)).toEqual([]);
  });
});

/** Gazetteer order: Bulqizë, Dibër, Klos, Mat, Durrës, … */
function namedFile(names: readonly string[]): string {
  const only = realGazetteer.municipalities.slice(0, names.length).map((m) => m.id);
  return JSON.stringify(
    boundaryFile((_municipality, index) => ({ emri: names[index], kodi: '' }), { only }),
  );
}

function renderBoundaries(texts: Record<string, string>) {
  const store = createHartaStore(
    { gazetteer: realGazetteer, dataset: makeDataset() },
    { lang: 'sq' },
  );
  const readText = (file: File) => {
    const text = texts[file.name];
    return text === undefined ? Promise.reject(new Error('?')) : Promise.resolve(text);
  };
  const { container } = render(
    <StoreProvider store={store}>
      <BoundaryImport readText={readText} />
    </StoreProvider>,
  );
  const choose = (name: string) =>
    userEvent.upload(
      screen.getByLabelText('Skedar GeoJSON i bashkive'),
      new File(['(not read: see readText)'], name),
    );
  return { store, container, choose };
}

describe('boundary import in Albanian', () => {
  it('has no English before a file is chosen', () => {
    const { container } = renderBoundaries({});
    expect(screen.getByRole('heading', { name: 'Kufijtë e bashkive' })).toBeVisible();
    expect(englishLeftIn(container)).toEqual([]);
  });

  it('previews matches, duplicates, counties, unknown names and warnings in Albanian', async () => {
    const names = [
      'Kukesi',
      'Bashkia Kukës',
      'Qarku Dibër',
      'Gjirokstrr',
      'Tirana, Durrës',
      'Xyzzy',
      'Paskuqan',
    ];
    const { container, choose } = renderBoundaries({ 'bashki.geojson': namedFile(names) });
    await choose('bashki.geojson');
    const preview = await screen.findByRole('region', { name: 'Parapamja e bashki.geojson' });
    expect(screen.getByRole('status')).toHaveTextContent(
      'bashki.geojson: 7 objekte, 2 bashki të përputhura. Kontrolloni parapamjen, pastaj zbatojeni ose anulojeni.',
    );
    expect(within(preview).getByRole('list', { name: 'Përmbledhje' })).toHaveTextContent(
      '1 e përputhur4 të papërputhura (1 qark)2 të përsëritura59 bashki pa objekt',
    );
    expect(preview).toHaveTextContent(
      'Bashki e panjohur «Gjirokstrr»: mos keni parasysh Gjirokastër?',
    );
    expect(preview).toHaveTextContent('Emërton qarkun Dibër, jo një bashki.');
    expect(preview).toHaveTextContent('Përputhet edhe me objektin 2 («Bashkia Kukës»)');
    expect(
      within(preview).getByRole('button', { name: 'Përdor Gjirokastër për objektin 4' }),
    ).toBeVisible();
    expect(englishLeftIn(container)).toEqual([]);
  });

  it('says in Albanian why a file is refused, and that nothing changed', async () => {
    const { container, choose } = renderBoundaries({ 'prishur.geojson': '{"type": "Featu' });
    await choose('prishur.geojson');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      /^prishur\.geojson nuk është JSON i vlefshëm: .+ \(rreshti 1, kolona \d+\)\. Nuk u ndryshua asgjë\.$/,
    );
    expect(englishLeftIn(container)).toEqual([]);
  });
});
