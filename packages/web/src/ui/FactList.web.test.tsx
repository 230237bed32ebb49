import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FactList } from './FactList.tsx';

describe('FactList', () => {
  it('pairs each term with its value and leaves out the facts that do not apply', () => {
    const { container } = render(
      <FactList
        facts={[
          { label: 'Status', value: 'offen' },
          false,
          { label: 'Betreuung', value: <strong>Kim</strong>, testId: 'guide' },
          null,
        ]}
      />,
    );
    const list = container.querySelector('dl');
    expect(list?.className).toBe('facts');
    expect([...container.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual([
      'Status',
      'Betreuung',
    ]);
    expect([...container.querySelectorAll('dd')].map((dd) => dd.textContent)).toEqual(['offen', 'Kim']);
    expect(screen.getByTestId('guide').textContent).toBe('Kim');
  });

  it('takes the class of a differently styled list', () => {
    const { container } = render(<FactList className="summary-facts" facts={[{ label: 'A', value: 'b' }]} />);
    expect(container.querySelector('dl')?.className).toBe('summary-facts');
  });
});
