import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../app/api.ts';
import type { QueryState } from '../app/useApi.ts';
import { LoadedTable } from './LoadedTable.tsx';

type Item = { id: string; title: string };

const query = (state: Partial<QueryState<{ items: Item[] }>>): QueryState<{ items: Item[] }> => ({
  data: undefined,
  error: undefined,
  loading: false,
  reload: () => undefined,
  ...state,
});

const table = (state: Partial<QueryState<{ items: Item[] }>>) => (
  <LoadedTable
    query={query(state)}
    caption="Ziele"
    columns={[{ label: 'Ziel' }]}
    empty="Noch keine Ziele."
    cells={(item: Item) => <td>{item.title}</td>}
  />
);

describe('LoadedTable', () => {
  it('shows one row per entry in a table named by its caption', () => {
    render(
      table({
        data: {
          items: [
            { id: '1', title: 'Deutschkurs' },
            { id: '2', title: 'Bewerbung' },
          ],
        },
      }),
    );
    const rows = screen.getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['Ziel', 'Deutschkurs', 'Bewerbung']);
    expect(screen.getByRole('region', { name: 'Ziele' })).toBeTruthy();
    expect(screen.queryByText('Noch keine Ziele.')).toBeNull();
  });

  it('says the list is empty once loaded, and shows nothing while loading', () => {
    const { rerender } = render(table({ loading: true }));
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByText('Noch keine Ziele.')).toBeNull();
    rerender(table({ data: { items: [] } }));
    expect(screen.getByText('Noch keine Ziele.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('reports a failed load', () => {
    render(table({ error: new ApiError(0, 'network_error', 'network error') }));
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
