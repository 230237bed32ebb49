import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../app/api.ts';
import type { QueryState } from '../app/useApi.ts';
import { PagedTable } from './PagedTable.tsx';

interface Row {
  id: string;
  name: string;
}
type List = QueryState<{ items: Row[]; page: number; pageSize: number; total: number }>;

const state = (patch: Partial<List>): List => ({
  data: undefined,
  error: null,
  loading: false,
  reload: () => {},
  ...patch,
});

function table(list: List, onPage = () => {}) {
  return render(
    <PagedTable
      list={list}
      caption={(total) => `Partner (${total})`}
      columns={[{ label: 'Name' }]}
      empty="Keine Partner."
      onPage={onPage}
    >
      {(row) => (
        <tr key={row.id}>
          <th scope="row">{row.name}</th>
        </tr>
      )}
    </PagedTable>,
  );
}

describe('PagedTable', () => {
  it('shows the rows under a caption with the total and switches pages', async () => {
    const user = userEvent.setup();
    const onPage = vi.fn();
    const items = [
      { id: '1', name: 'Tafel' },
      { id: '2', name: 'Caritas' },
    ];
    table(state({ data: { items, page: 1, pageSize: 2, total: 3 } }), onPage);
    expect(screen.getByRole('region', { name: 'Partner (3)' })).toBeTruthy();
    expect(screen.getAllByRole('rowheader').map((c) => c.textContent)).toEqual(['Tafel', 'Caritas']);
    expect(screen.queryByText('Keine Partner.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Nächste Seite' }));
    expect(onPage).toHaveBeenCalledWith(2);
  });

  it('says so when a page is empty', () => {
    table(state({ data: { items: [], page: 1, pageSize: 50, total: 0 } }));
    expect(screen.getByText('Keine Partner.')).toBeTruthy();
  });

  it('shows the failure in words and the loading state before the first answer', () => {
    const { unmount } = table(state({ error: new ApiError(403, 'forbidden', 'no') }));
    expect(screen.getByRole('alert')).toBeTruthy();
    unmount();
    table(state({ loading: true }));
    expect(screen.getByRole('status')).toBeTruthy();
  });
});
