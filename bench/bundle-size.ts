/**
 * What the browser loads before a page can render: the gzipped JavaScript of the start script
 * (index.html's module), the entry it picks for the address (the staff app, or one of the client's
 * public pages) and, in the staff app, the page's route chunk, each with everything it imports
 * statically (vite preloads those alongside). Builds the web app first (vite, production) unless
 * --no-build is given, then reads the chunk graph from dist/.vite/manifest.json and the routes from
 * app/router.tsx, so a new route is measured without touching this file.
 *
 * Run: node --import tsx bench/bundle-size.ts [--no-build]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'packages/web');
const DIST = path.join(WEB, 'dist');

const STAFF_ENTRY = 'src/app/main.tsx';
const TARGETS = [
  { name: 'staff app, initial JavaScript (entry: shell, session, router)', entry: STAFF_ENTRY, kb: 250 },
  { name: 'client self-assessment page (public entry)', entry: 'src/public/selfAssessment.tsx', kb: 100 },
];
const PUBLIC = [
  { route: '/selbsteinschaetzung/:token', entry: 'src/public/selfAssessment.tsx' },
  { route: '/rueckmeldung/:token', entry: 'src/public/referralFeedback.tsx' },
];

/** The router's routes and the module each loads lazily, in the order of app/router.tsx. */
function routes(): { route: string; module: string }[] {
  const source = readFileSync(path.join(WEB, 'src/app/router.tsx'), 'utf8');
  const out: { route: string; module: string }[] = [];
  const pattern = /(?:path: '([^']+)'|index: true),\s*lazy: page\(\s*\(\) =>\s*import\('\.\.\/([^']+)'\)/g;
  for (const m of source.matchAll(pattern)) out.push({ route: `/${m[1] ?? ''}`, module: `src/${m[2]}` });
  if (out.length === 0) throw new Error('no lazy routes found in app/router.tsx');
  return out;
}

function main() {
  if (!process.argv.includes('--no-build')) {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
      cwd: WEB,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    Chunk
  >;
  const start = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!start) throw new Error('no entry in the manifest');
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = gzipped.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(DIST, file))).length;
      gzipped.set(file, size);
    }
    return size;
  };
  /** The source files of a chunk, from its source map. */
  const sourcesOf = (file: string): string[] => {
    try {
      return (JSON.parse(readFileSync(path.join(DIST, `${file}.map`), 'utf8')) as { sources: string[] })
        .sources;
    } catch {
      return [];
    }
  };
  /** Whether a chunk holds ECharts' code. */
  const hasECharts = (file: string) =>
    sourcesOf(file).some((s) => /node_modules\/(echarts|zrender)\//.test(s));
  /**
   * The chunk that holds a module: its own, or the shared chunk rolldown put it in when another
   * page imports it too (the manifest then has no key for it).
   */
  const chunkOf = (module: string): string => {
    if (manifest[module]) return module;
    const key = Object.keys(manifest).find((k) =>
      sourcesOf(manifest[k]?.file ?? '').some((s) => s.endsWith(module)),
    );
    if (!key) throw new Error(`${module} is in no chunk`);
    return key;
  };
  /** The chunk and every chunk it imports statically, transitively: what loads before it runs. */
  const closure = (key: string, into = new Set<string>()) => {
    if (!manifest[key]) throw new Error(`${key} is not a chunk of its own`);
    if (into.has(key)) return into;
    into.add(key);
    for (const k of manifest[key]?.imports ?? []) closure(k, into);
    return into;
  };
  const measure = (...keys: string[]) => {
    const all = new Set<string>();
    for (const key of [start, ...keys.map(chunkOf)]) closure(key, all);
    const files = [...all].map((k) => manifest[k]?.file as string).filter((f) => f.endsWith('.js'));
    return {
      chunks: files.length,
      kb: files.reduce((sum, f) => sum + sizeOf(f), 0) / 1024,
      echarts: files.some(hasECharts),
    };
  };

  const rows: { route: string; chunks: number; kb: number; echarts: boolean }[] = [];
  for (const r of routes()) rows.push({ route: r.route, ...measure(STAFF_ENTRY, r.module) });
  for (const p of PUBLIC) rows.push({ route: `${p.route} (own entry)`, ...measure(p.entry) });

  const width = Math.max(...rows.map((r) => r.route.length), 5);
  console.log('JavaScript loaded before each page renders (gzip):\n');
  console.log(`${'route'.padEnd(width)}  chunks  KB gzip  ECharts`);
  for (const r of rows)
    console.log(
      `${r.route.padEnd(width)}  ${String(r.chunks).padStart(6)}  ${r.kb.toFixed(1).padStart(7)}  ${r.echarts ? 'yes' : ''}`,
    );
  console.log('');
  for (const t of TARGETS) {
    const { kb } = measure(t.entry);
    console.log(`${kb <= t.kb ? 'ok  ' : 'MISS'} ${t.name}: ${kb.toFixed(1)} KB gzip (target <= ${t.kb} KB)`);
  }
}

main();
