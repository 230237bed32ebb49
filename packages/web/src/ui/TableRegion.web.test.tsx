import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TableRegion } from './TableRegion.tsx';

describe('TableRegion', () => {
  it('names the scrolling region by the caption and keeps a hidden column label for screen readers', () => {
    render(
      <TableRegion
        caption="Ziele"
        captionHidden
        labelTable
        columns={[{ label: 'Ziel' }, { label: 'Punkte', numeric: true }, { label: 'Aktionen', hidden: true }]}
      >
        <tr>
          <td>Deutschkurs</td>
          <td>3</td>
          <td />
        </tr>
      </TableRegion>,
    );
    const region = screen.getByRole('region', { name: 'Ziele' });
    expect(region.tabIndex).toBe(0);
    expect(screen.getByRole('table', { name: 'Ziele' })).toBeTruthy();
    expect(screen.getByText('Ziele').className).toBe('visually-hidden');
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Ziel', 'Punkte', 'Aktionen']);
    expect(headers[1]?.className).toBe('num');
    expect(headers[2]?.querySelector('.visually-hidden')?.textContent).toBe('Aktionen');
  });
});
