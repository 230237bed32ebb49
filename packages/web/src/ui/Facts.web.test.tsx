import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Facts } from './Facts.tsx';

describe('Facts', () => {
  it('pairs each label with its value in a description list', () => {
    const { container } = render(
      <Facts
        items={[
          { label: 'Name', value: 'Ada' },
          { label: 'Rollen', value: <strong>Leitung</strong> },
        ]}
      />,
    );
    const list = container.querySelector('dl.facts');
    expect(list).not.toBeNull();
    const terms = [...container.querySelectorAll('dt')].map((dt) => dt.textContent);
    const values = [...container.querySelectorAll('dd')].map((dd) => dd.textContent);
    expect(terms).toEqual(['Name', 'Rollen']);
    expect(values).toEqual(['Ada', 'Leitung']);
    expect(screen.getByText('Leitung').tagName).toBe('STRONG');
  });
});
