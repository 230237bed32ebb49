/**
 * What the browser loads before a page can render: the JavaScript of the entry and of the page's route
 * chunk with everything they import statically, gzipped, per page. Builds the web app first (vite,
 * production) unless --no-build is given, then reads the chunk graph from dist/.vite/manifest.json.
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
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB = path.join(ROOT, 'packages/web');
const DIST = path.join(WEB, 'dist');

/** Pages to report: a name, the route's module (as vite names it in the manifest) and a target in KB. */
const PAGES: { name: string; module?: string; targetKb?: number }[] = [
  { name: 'staff app: entry (shell, sign-in state, router)', targetKb: 250 },
  { name: 'sign-in page', module: 'src/features/auth/SignInPage.tsx' },
  { name: 'home page', module: 'src/features/home/HomePage.tsx' },
  { name: 'caseload', module: 'src/features/caseload/CaseloadPage.tsx' },
  { name: 'client page', module: 'src/features/clients/ClientPage.tsx' },
  { name: 'evaluation dashboard', module: 'src/features/evaluation/EvaluationPage.tsx' },
  {
    name: 'client self-assessment (public)',
    module: 'src/features/assessments/SelfAssessmentPage.tsx',
    targetKb: 100,
  },
  { name: 'referral feedback (public)', module: 'src/features/offers/ReferralFeedbackPage.tsx' },
];

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
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entryKey) throw new Error('no entry in the manifest');
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = gzipped.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(DIST, file))).length;
      gzipped.set(file, size);
    }
    return size;
  };
  /** The chunk and every chunk it imports statically, transitively: what loads before it runs. */
  const closure = (key: string, into = new Set<string>()) => {
    if (into.has(key)) return into;
    into.add(key);
    for (const k of manifest[key]?.imports ?? []) closure(k, into);
    return into;
  };
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const p of PAGES) {
    const keys = closure(entryKey);
    if (p.module) {
      if (!manifest[p.module]) throw new Error(`${p.module} is not a chunk of its own`);
      closure(p.module, keys);
    }
    const files = [...keys].map((k) => manifest[k]?.file as string).filter((f) => f.endsWith('.js'));
    const total = files.reduce((sum, f) => sum + sizeOf(f), 0);
    rows.push([p.name, String(files.length), kb(total)]);
    if (p.targetKb !== undefined) {
      verdicts.push(
        `${total / 1024 <= p.targetKb ? 'ok  ' : 'MISS'} ${p.name}: ${kb(total)} KB gzip (target <= ${p.targetKb} KB)`,
      );
    }
  }
  const width = Math.max(...rows.map((r) => (r[0] as string).length));
  console.log(`${'page'.padEnd(width)}  chunks  JS gzip KB`);
  for (const [name, chunks, size] of rows)
    console.log(
      `${(name as string).padEnd(width)}  ${(chunks as string).padStart(6)}  ${(size as string).padStart(10)}`,
    );
  console.log('');
  for (const v of verdicts) console.log(v);
}

main();
