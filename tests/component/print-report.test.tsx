import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PrintReport } from '../../src/components/print-report';
import { buildReport } from '../../src/domain/report';
import { makeDataset, makeOrganisation } from '../unit/fixtures/dataset-fixture';
import { makeGazetteer } from '../unit/fixtures/gazetteer-fixture';

/*
 * SYNTHETIC organisations over the synthetic gazetteer fixture. One name is an HTML payload: it
 * must appear as text, and no element may be made from it.
 */
const HOSTILE = '<img src=x onerror="window.__printXss = 1">';
const gazetteer = makeGazetteer();
const dataset = makeDataset([
  makeOrganisation({
    id: 'o1',
    name: HOSTILE,
    municipalityIds: ['AL212'],
    source: { document: 'fixture', row: 7 },
  }),
  makeOrganisation({ id: 'o2', name: 'Qendra Kamëz', municipalityIds: ['AL221', 'AL212'] }),
]);
const report = buildReport(dataset, gazetteer);
const date = '2026-11-23';

describe('PrintReport', () => {
  it('prints the whole country as a summary page and one page per county, most underserved first', () => {
    const { container } = render(
      <PrintReport report={report} dataset={dataset} scope={{ kind: 'country' }} date={date} />,
    );
    const pages = container.querySelectorAll('section.print-page');
    expect(pages).toHaveLength(1 + report.counties.length);
    expect(
      screen.getByRole('heading', { level: 1, name: /report for the whole country/ }),
    ).toBeInTheDocument();
    const countyHeadings = [...pages]
      .slice(1)
      .map((page) => page.querySelector('h2')?.textContent ?? '');
    const ranked = [...report.counties].sort((a, b) => a.gapRank - b.gapRank);
    expect(countyHeadings).toEqual(
      ranked.map((c) => `${c.name} (qark): gap rank ${c.gapRank} of ${report.counties.length}`),
    );
    // Every page carries the date and the attribution.
    for (const page of pages) {
      expect(page.textContent).toContain(`Made with Harta on ${date}.`);
      expect(page.textContent).toContain('GeoNames (CC BY 4.0)');
    }
  });

  it('shows an HTML payload in an organisation name as text, never as an element', () => {
    const { container } = render(
      <PrintReport report={report} dataset={dataset} scope={{ kind: 'country' }} date={date} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(HOSTILE);
    const elbasan = screen.getByRole('region', { name: /^Elbasan \(qark\)/ });
    expect(
      within(elbasan)
        .getByText(/Cërrik:/)
        .closest('li')?.textContent,
    ).toBe(`Cërrik: ${HOSTILE}; Qendra Kamëz`);
  });

  it('prints one municipality with its organisations, each citing its source', () => {
    const { container } = render(
      <PrintReport
        report={report}
        dataset={dataset}
        scope={{ kind: 'municipality', id: 'AL212' }}
        date={date}
      />,
    );
    expect(container.querySelectorAll('section.print-page')).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'P/CVE organisations in Cërrik (bashki)',
    );
    const page = screen.getByRole('region', { name: /^Cërrik \(bashki, Elbasan qark\)/ });
    const items = within(page)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toContain(`${HOSTILE} (Fixture, row 7)`);
    expect(items).toContain('Qendra Kamëz (Fixture)');
    expect(container.querySelector('img')).toBeNull();
  });

  it('prints one county page, and lists the source documents', () => {
    const { container } = render(
      <PrintReport
        report={report}
        dataset={dataset}
        scope={{ kind: 'county', id: 'AL022' }}
        date={date}
      />,
    );
    expect(container.querySelectorAll('section.print-page')).toHaveLength(1);
    expect(screen.getByRole('region', { name: /^Tiranë \(qark\)/ })).toBeInTheDocument();
    const sources = screen.getByRole('region', { name: 'Sources' });
    expect(sources.textContent).toContain('Fixture. tests, 2026.');
  });

  it('says so when the area is not in the gazetteer', () => {
    render(
      <PrintReport
        report={report}
        dataset={dataset}
        scope={{ kind: 'municipality', id: 'AL999' }}
        date={date}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('There is no such area');
  });
});
