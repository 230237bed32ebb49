import { describe, expect, it } from 'vitest';
import { api } from './client.ts';
import { hrefOf } from './href.ts';

describe('hrefOf', () => {
  it('fills the path parameters and appends the query, leaving out empty values', () => {
    expect(
      hrefOf(api.programmes.report, {
        params: { id: 'p 1' },
        query: { from: '2027-01-01', to: '2027-01-31', format: 'pdf' },
      }),
    ).toBe('/api/programmes/p%201/report?from=2027-01-01&to=2027-01-31&format=pdf');
    expect(hrefOf(api.evaluation.cohortPdf, { query: { disability: undefined } })).toBe(
      '/api/reports/cohort.pdf',
    );
  });
});
