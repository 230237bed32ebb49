// Component tests render with the app's real translations (German by default) and start each test
// from an empty document.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../i18n/index.ts';

afterEach(() => cleanup());

// jsdom has no CSS.escape, which react-aria uses to look up meta tags; the browsers all have it.
const css = (globalThis.CSS ?? {}) as { escape?: (value: string) => string };
css.escape ??= (value: string) => value.replace(/[^\w-]/g, (char) => `\\${char}`);
globalThis.CSS ??= css as typeof CSS;
