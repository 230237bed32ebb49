import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../app/api.ts';
import type { QueryState } from '../app/useApi.ts';
import { Loaded } from './Loaded.tsx';

const state = (over: Partial<QueryState<string>>): QueryState<string> => ({
  data: undefined,
  error: undefined,
  loading: false,
  reload: () => {},
  ...over,
});
const notFound = new ApiError(404, 'not_found', 'Nicht gefunden');

describe('Loaded', () => {
  it('shows the loading message until the first answer, then the data', () => {
    const { rerender } = render(<Loaded query={state({ loading: true })}>{(d) => <p>{d}</p>}</Loaded>);
    expect(screen.getByRole('status').textContent).toBeTruthy();
    rerender(<Loaded query={state({ data: 'Zahlen', loading: true })}>{(d) => <p>{d}</p>}</Loaded>);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByText('Zahlen')).toBeTruthy();
  });

  it('shows the error, with the earlier data unless that is stale', () => {
    const failed = state({ data: 'Zahlen', error: notFound });
    const { rerender } = render(<Loaded query={failed}>{(d) => <p>{d}</p>}</Loaded>);
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.getByText('Zahlen')).toBeTruthy();
    rerender(
      <Loaded query={failed} hideStale>
        {(d) => <p>{d}</p>}
      </Loaded>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.queryByText('Zahlen')).toBeNull();
  });
});
