import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `npm test` runs depcruise with .dependency-cruiser.cjs over packages/. This test runs the same
// configuration over a fixture with one forbidden import per rule and checks that each one, and
// nothing allowed, is reported and that the command fails, as it then fails `npm test`.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixture = join(root, 'scripts', 'dependency-rules', 'fixture');

function cruise(outputType: 'json' | 'err') {
  return spawnSync(
    join(root, 'node_modules', '.bin', 'depcruise'),
    ['packages', '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', outputType],
    { cwd: fixture, encoding: 'utf8' },
  );
}

describe('dependency rules', () => {
  it('reports every forbidden import of the fixture and only those', () => {
    const result = cruise('json');
    expect(result.error).toBeUndefined();
    const report = JSON.parse(result.stdout) as {
      summary: { violations: { rule: { name: string }; from: string; to: string }[] };
    };
    const server = 'packages/server/src';
    const found = report.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
    expect(found).toEqual(
      [
        `domain-stands-alone: packages/domain/src/index.ts -> ${server}/platform/config.ts`,
        `feature-internals: ${server}/features/a/a.service.ts -> ${server}/features/b/b.repo.ts`,
        `feature-internals: ${server}/features/b/b.routes.ts -> ${server}/features/a/a.routes.ts`,
        `features-below-app: ${server}/features/a/a.routes.ts -> ${server}/app.ts`,
        `no-circular: ${server}/features/a/cycle-one.ts -> ${server}/features/a/cycle-two.ts`,
        `platform-below-features: ${server}/platform/auth-hook.ts -> ${server}/features/a/a.service.ts`,
        `web-uses-domain-only: packages/web/src/main.ts -> ${server}/features/a/a.service.ts`,
      ].sort(),
    );
  });

  it('fails the command, naming the rule, so the step in npm test fails', () => {
    const result = cruise('err');
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain('error platform-below-features:');
  });
});
