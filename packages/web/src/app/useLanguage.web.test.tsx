import { act, renderHook } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from './useLanguage.ts';

describe('useLanguage', () => {
  afterEach(async () => {
    await act(() => i18next.changeLanguage('de'));
  });

  it('gives the UI language with its locale, and follows a switch', async () => {
    const { result } = renderHook(() => useLanguage());
    expect(result.current.lang).toBe('de');
    expect(result.current.locale).toBe('de-DE');
    expect(result.current.t('common.cancel')).toBe('Abbrechen');
    await act(() => i18next.changeLanguage('en'));
    expect(result.current.lang).toBe('en');
    expect(result.current.locale).toBe('en-GB');
    expect(result.current.t('common.cancel')).toBe('Cancel');
  });
});
