import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { QueryState } from '../../app/useApi.ts';
import { RecordTable } from './RecordTable.tsx';

type Goal = { id: string; title: string; open: boolean };

const loaded = (items: Goal[]): QueryState<{ items: Goal[] }> => ({
  data: { items },
  error: undefined,
  loading: false,
  reload: () => undefined,
});

describe('RecordTable', () => {
  it('names the table by the section title and gives each row its action, if any', async () => {
    const review = vi.fn();
    render(
      <RecordTable
        query={loaded([
          { id: '1', title: 'Deutschkurs', open: true },
          { id: '2', title: 'Bewerbung', open: false },
        ])}
        texts="goal"
        columns={['goal']}
        cells={(g) => <th scope="row">{g.title}</th>}
        action={(g) =>
          g.open
            ? {
                label: 'Auswerten',
                accessibleLabel: `Ziel „${g.title}“ auswerten`,
                onPress: () => review(g.id),
              }
            : null
        }
      />,
    );
    expect(screen.getByRole('table', { name: 'Zielvereinbarung' })).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Ziel', 'Aktionen']);
    expect(screen.getAllByRole('button')).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Ziel „Deutschkurs“ auswerten' }));
    expect(review).toHaveBeenCalledWith('1');
  });
});
