import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Facts } from './Facts.tsx';

describe('Facts', () => {
  it('lists each label with its value in order and leaves out empty values', () => {
    render(
      <Facts
        facts={[
          ['Förderung', 'ESF Plus'],
          ['Rechtsgrundlage', null],
          ['Zielgruppe', ''],
          ['Träger', 'Jobcenter Köln'],
        ]}
      />,
    );
    expect(screen.getAllByRole('term').map((term) => term.textContent)).toEqual(['Förderung', 'Träger']);
    expect(screen.getAllByRole('definition').map((d) => d.textContent)).toEqual([
      'ESF Plus',
      'Jobcenter Köln',
    ]);
  });
});
