import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditKeyError, auditKey } from './audit-key.ts';
import { loadConfig } from './config.ts';

describe('audit key', () => {
  it('[trust #10] lives outside the database: a 0600 file created in the data directory at the first start', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lotse-key-'));
    try {
      const config = loadConfig({ LOTSE_DATA_DIR: dir });
      const first = auditKey(config);
      const file = path.join(dir, 'audit.key');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await readFile(file, 'utf8')).trim()).toBe(first.secret.toString('hex'));
      expect(auditKey(loadConfig({ LOTSE_DATA_DIR: dir })).id).toBe(first.id);
      expect(first.secret.length).toBe(32);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('[trust #10] LOTSE_AUDIT_KEY wins over the file and must be at least 32 bytes of hex', async () => {
    const hex = 'ab'.repeat(32);
    const key = auditKey(loadConfig({ LOTSE_DATA_DIR: '/nonexistent', LOTSE_AUDIT_KEY: hex }));
    expect(key.secret.toString('hex')).toBe(hex);
    expect(() => loadConfig({ LOTSE_AUDIT_KEY: 'short' })).toThrow(/LOTSE_AUDIT_KEY/);
    const dir = await mkdtemp(path.join(tmpdir(), 'lotse-key-'));
    try {
      await writeFile(path.join(dir, 'audit.key'), 'not a key\n');
      expect(() => auditKey(loadConfig({ LOTSE_DATA_DIR: dir }))).toThrow(AuditKeyError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
