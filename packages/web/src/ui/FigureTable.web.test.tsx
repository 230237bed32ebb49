import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FigureTable } from './FigureTable.tsx';

describe('FigureTable', () => {
  it('names each row by its header cell and lines numeric cells up with their heading', () => {
    render(
      <FigureTable
        caption="Buchungen"
        compact
        rowHeader={1}
        columns={[{ label: 'Datum', nowrap: true }, { label: 'Beleg' }, { label: 'Betrag', numeric: true }]}
        rows={[
          ['01.02.2027', 'R-1', '10,00 €'],
          ['03.02.2027', 'R-2', '12,50 €'],
        ]}
      />,
    );
    const table = within(screen.getByRole('region', { name: 'Buchungen' })).getByRole('table');
    expect(table.className).toBe('table table--compact');
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['R-1', 'R-2']);
    expect(screen.getByRole('cell', { name: '12,50 €' }).className).toBe('num');
    expect(screen.getByRole('cell', { name: '01.02.2027' }).className).toBe('cell--nowrap');
    expect(screen.getByRole('columnheader', { name: 'Betrag' }).className).toBe('num');
  });
});
