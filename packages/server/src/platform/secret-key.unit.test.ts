import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { keyedHash, keyedHashMatches, open, seal, secretKey } from './secret-key.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'lotse-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('[trust #11] the secret key', () => {
  it('[trust #11] is created once in the data directory with mode 0600 and read again at the next start', () => {
    const first = secretKey(loadConfig({ LOTSE_DATA_DIR: dir }));
    const file = path.join(dir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('base64'));
    expect(secretKey(loadConfig({ LOTSE_DATA_DIR: dir })).equals(first)).toBe(true);
  });

  it('[trust #11] can be given in the environment (base64 or hex) and is validated', () => {
    const hex = 'ab'.repeat(32);
    expect(secretKey(loadConfig({ LOTSE_SECRET_KEY: hex })).toString('hex')).toBe(hex);
    expect(() => loadConfig({ LOTSE_SECRET_KEY: 'too-short' })).toThrow(/LOTSE_SECRET_KEY/);
  });

  it('[trust #11] seals with AES-256-GCM bound to a purpose and hashes with a salt', () => {
    const config = loadConfig({ LOTSE_SECRET_KEY: 'cd'.repeat(32) });
    const sealed = seal(config, 'users.mfa_secret', 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(seal(config, 'users.mfa_secret', 'JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(open(config, 'users.mfa_secret', sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => open(config, 'another.field', sealed)).toThrow();
    const a = keyedHash(config, 'code');
    expect(keyedHash(config, 'code')).not.toBe(a);
    expect(keyedHashMatches(config, 'code', a)).toBe(true);
    expect(keyedHashMatches(config, 'other', a)).toBe(false);
  });
});
