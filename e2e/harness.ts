/**
 * End-to-end harness: the real server (embedded database, demo data) as a child process on a free port,
 * and Debian Chromium through playwright-core. One server and one browser per test file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { E2E_TEMPLATE_KEY } from './template-key.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB_DIST = path.join(ROOT, 'packages/web/dist');
const HEALTH_TIMEOUT_MS = 120_000;

export const DEMO_PASSWORD = 'Lotse-Demo-2026';
export const demo = {
  admin: 'admin@jc-en.example',
  caseworker: 'lotse@jc-en.example',
  lead: 'leitung@jc-en.example',
  coordinator: 'koordination@jc-en.example',
  researcher: 'forschung@iaq.example',
} as const;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies and storage), German locale unless given. */
  newContext(options?: { locale?: string }): Promise<BrowserContext>;
  /** Server output so far, for failure messages. */
  serverOutput(): string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The Lotse server exited before it became healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The Lotse server did not answer /api/health within ${timeoutMs / 1000} s:\n${output()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

/** A Lotse server on the embedded database in `dataDir`, seeded with the demo data if empty. */
export interface ServerProcess {
  baseUrl: string;
  output(): string;
  stop(): Promise<void>;
}

/** `healthTimeoutMs` only bounds a hang: a first start seeds the demo data and takes much longer. */
export async function startServer(
  dataDir: string,
  healthTimeoutMs = HEALTH_TIMEOUT_MS,
): Promise<ServerProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOTSE_DATA_DIR: dataDir,
    LOTSE_DEMO: 'true',
    LOTSE_WEB_DIST: WEB_DIST,
    LOG_LEVEL: 'warn',
  };
  // The e2e suite always runs on the embedded database with demo data.
  delete env.DATABASE_URL;
  delete env.LOTSE_PUBLIC_URL;

  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const server = { baseUrl, output: () => output, stop: () => stopProcess(child) };
  try {
    await waitForHealth(baseUrl, child, () => output, healthTimeoutMs);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/**
 * Playwright gives up on a click or a wait after 30 s. A page on a busy machine can take longer, and
 * no test may fail for that: every context of the harness's browser waits up to ACTION_TIMEOUT_MS,
 * while the test timeout still bounds a hang.
 */
const ACTION_TIMEOUT_MS = 90_000;
function withActionTimeout(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    return context;
  };
  return browser;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(
      `The web app is not built: ${WEB_DIST}/index.html is missing. Run \`npm run build\` before the e2e tests.`,
    );
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lotse-e2e-'));
  // Seeding the demo installation is the slowest part of a server start; the suite's global set-up
  // seeds one data directory and every file starts from a copy of it (same data, own database).
  const template = inject(E2E_TEMPLATE_KEY);
  if (template) cpSync(template, dataDir, { recursive: true });
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };

  // Server and browser start side by side: neither needs the other until the first page opens.
  const starting = [
    startServer(dataDir).then((started) => {
      server = started;
      return started;
    }),
    chromium
      .launch({ executablePath: process.env.LOTSE_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
      .then((launched) => {
        browser = withActionTimeout(launched);
        return browser;
      }),
  ] as const;
  const [started, launched] = await Promise.all(starting).catch(async (error: unknown) => {
    // Wait for both, so whichever did start is stopped again.
    await Promise.allSettled(starting);
    await close();
    throw error;
  });
  const { baseUrl, output } = started;

  return {
    baseUrl,
    browser: launched,
    newContext: ({ locale = 'de-DE' } = {}) =>
      launched.newContext({ baseURL: baseUrl, locale, viewport: { width: 1280, height: 900 } }),
    serverOutput: output,
    close,
  };
}

/**
 * Stores the UI language for the next page load: the app reads it once, when it starts, so storing it
 * before `page.goto` loads the page once in that language instead of loading it and reloading. The page
 * must be on the app's origin (local storage is per origin).
 */
export async function storeLanguage(page: Page, lang: 'de' | 'en'): Promise<void> {
  await page.evaluate((l) => window.localStorage.setItem('lotse.language', l), lang);
}

/** Signs in through the form (mouse/pointer free: fill and press Enter) and waits for the start page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { level: 1, name: 'Übersicht' }).waitFor();
}

/**
 * A link of the main navigation, found by its words; when it sits in a closed menu group (e.g.
 * "Netzwerk", "Verwaltung") the group is opened first, as a person would.
 */
export async function navLink(page: Page, name: string): Promise<Locator> {
  const nav = page.getByRole('navigation', { name: /^(Hauptnavigation|Main navigation)$/ });
  await nav.waitFor();
  const link = nav.getByRole('link', { name });
  if ((await link.count()) === 0) {
    await nav
      .locator('.app-nav__group')
      .filter({ has: page.getByRole('link', { name, includeHidden: true }) })
      .getByRole('button')
      .click();
  }
  return link;
}

/**
 * Opens a react-aria select's listbox by pressing its button, and presses again while it is closed:
 * the popover closes itself when the page scrolls under it, which a page still loading its sections
 * on a busy machine can do right after the first press.
 */
export async function openListbox(page: Page, button: Locator): Promise<Locator> {
  const listbox = page.getByRole('listbox');
  await expect
    .poll(async () => {
      if (await listbox.isVisible()) return true;
      if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
      return listbox.isVisible();
    })
    .toBe(true);
  return listbox;
}

/**
 * Picks an option of a SelectField (react-aria select): its button is named by the label and the
 * current value; the option by its name or position in the listbox.
 */
export async function choose(
  page: Page,
  label: RegExp,
  option: { name: string } | { index: number },
): Promise<void> {
  const listbox = await openListbox(page, page.getByRole('button', { name: label }));
  const options = listbox.getByRole('option');
  await ('name' in option
    ? options.filter({ hasText: option.name }).first()
    : options.nth(option.index)
  ).click();
  await listbox.waitFor({ state: 'detached' });
}

/** Runs axe-core with the WCAG 2.1 A/AA rules and returns the violations in a readable form. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe.run() in the page itself. The default mode opens a blank page for every scan
  // to merge the results of each frame, which costs a new renderer each time (half of a scan's time
  // on a busy machine); the app has no frames, so the rules and their findings are the same.
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode()
    .analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
}
