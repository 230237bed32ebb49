import { render, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Chart } from './Chart.tsx';

const drawn = vi.hoisted(() => ({ options: [] as unknown[], disposed: 0 }));

vi.mock('./echarts.ts', () => ({
  echarts: {
    init: () => ({
      setOption: (option: unknown) => drawn.options.push(option),
      resize: () => {},
      dispose: () => {
        drawn.disposed += 1;
      },
    }),
  },
}));

globalThis.ResizeObserver ??= class {
  observe() {}
  disconnect() {}
  unobserve() {}
} as unknown as typeof ResizeObserver;

describe('Chart', () => {
  it('draws the option once ECharts has loaded, hidden from assistive technology, and disposes of it', async () => {
    const { container, unmount } = render(
      <Chart option={{ series: [] }} height={200} className="eval-chart" />,
    );
    const box = container.firstElementChild as HTMLElement;
    expect(box.getAttribute('aria-hidden')).toBe('true');
    expect(box.style.height).toBe('200px');
    await waitFor(() =>
      expect(drawn.options).toEqual([{ animation: false, aria: { enabled: false }, series: [] }]),
    );
    unmount();
    expect(drawn.disposed).toBe(1);
  });
});
