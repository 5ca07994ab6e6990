import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app';
import {
  bundledDataFiles as files,
  bundledGazetteerText as gazetteerText,
  loadBundledData,
} from '../../src/io/bundled-data';
import { loadData } from '../../src/io/load-data';

const organisationsCsv = files.organisations;

function rowsOf(tableName: string) {
  const table = screen.getByRole('table', { name: tableName });
  return within(table).getAllByRole('row').slice(1);
}

describe('App shell on the bundled data', () => {
  it('lists the 55 organisations and 61 municipalities, with no data problem', () => {
    render(<App data={loadBundledData()} />);
    expect(rowsOf('Organisations')).toHaveLength(55);
    expect(rowsOf('Municipalities')).toHaveLength(61);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(
      screen.getByText(/55 organisations · 61 municipalities in 12 counties/),
    ).toBeInTheDocument();
  });

  it('finds places without diacritics, and towns by their municipality', async () => {
    const user = userEvent.setup();
    render(<App data={loadBundledData()} />);
    const search = screen.getByLabelText(/search organisations, municipalities/i);
    await user.type(search, 'cerrik');
    expect(
      rowsOf('Municipalities').map((row) => within(row).getByRole('rowheader').textContent),
    ).toEqual(['Cërrik']);
    expect(rowsOf('Organisations')).toHaveLength(6);
    await user.clear(search);
    await user.type(search, 'paskuqan');
    expect(
      rowsOf('Municipalities').map((row) => within(row).getByRole('rowheader').textContent),
    ).toEqual(['Kamëz']);
  });

  it('credits GeoNames and Natural Earth', () => {
    render(<App data={loadBundledData()} />);
    const footer = screen.getByRole('contentinfo');
    expect(footer).toHaveTextContent(/GeoNames/);
    expect(footer).toHaveTextContent(/Natural Earth/);
  });

  it('links websites only over http(s), opening safely', () => {
    render(<App data={loadBundledData()} />);
    const links = within(screen.getByRole('table', { name: 'Organisations' })).getAllByRole('link');
    expect(links.length).toBeGreaterThan(40);
    for (const link of links) {
      expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    }
  });
});

describe('App shell on hostile or broken data', () => {
  const [header, firstRow, ...rest] = organisationsCsv.trimEnd().split('\n');

  it('shows an injected name as text and never runs it', () => {
    const hostile = (firstRow ?? '').replace(
      'OSCE Presence in Albania',
      '<img src=x onerror="window.__pwned=1">',
    );
    const data = loadData(gazetteerText, {
      ...files,
      organisations: [header, hostile, ...rest].join('\n'),
    });
    const { container } = render(<App data={data} />);
    expect(screen.getByText('<img src=x onerror="window.__pwned=1">')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('names the file, line and field of a bad row and keeps the others', () => {
    const broken = (firstRow ?? '').replace(',national,', ',planetary,');
    const data = loadData(gazetteerText, {
      ...files,
      organisations: [header, broken, ...rest].join('\n'),
    });
    render(<App data={data} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'data/organisations.csv:2: scope: must be "national" or "local" (was "planetary")',
    );
    expect(rowsOf('Organisations')).toHaveLength(54);
  });

  it('explains an unreadable gazetteer instead of crashing', () => {
    render(<App data={loadData('not json', files)} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/geo\/gazetteer\.json:1: not valid JSON/);
  });
});
