import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to the embedded database in ./data with demo mode on port 3000 on localhost', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.database).toEqual({ kind: 'pglite', dataDir: `${process.cwd()}/data/pglite` });
    expect(c.demo).toBe(true);
    expect(c.session.idleMs).toBe(30 * 60_000);
  });

  it('never runs demo mode on PostgreSQL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://lotse@db.example/lotse', LOTSE_DEMO: 'true' });
    expect(c.database.kind).toBe('postgres');
    expect(c.demo).toBe(false);
  });

  it('reports every invalid variable at once', () => {
    expect(() => loadConfig({ PORT: '-1', LOTSE_SESSION_IDLE_MINUTES: 'soon' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: '-1', LOTSE_SESSION_IDLE_MINUTES: 'soon' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/LOTSE_SESSION_IDLE_MINUTES/);
    }
  });

  it('[trust #12] trusts forwarded headers only from configured proxy addresses (CIDR list)', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(
      loadConfig({ LOTSE_TRUSTED_PROXIES: ' 10.0.0.0/8, 192.168.1.5 ,fd00::/8' }).trustedProxies,
    ).toEqual(['10.0.0.0/8', '192.168.1.5', 'fd00::/8']);
    // The older switch means a reverse proxy on the same host.
    expect(loadConfig({ LOTSE_TRUST_PROXY: 'true' }).trustedProxies).toEqual(['loopback']);
    for (const bad of ['10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1', '*', 'fd00::/129']) {
      expect(() => loadConfig({ LOTSE_TRUSTED_PROXIES: bad }), bad).toThrow(/LOTSE_TRUSTED_PROXIES/);
    }
  });

  it('[trust #12] keeps the per-source limit high enough for an office behind one address', () => {
    expect(loadConfig({}).login).toEqual({ maxFailuresPerAccount: 5, maxFailuresPerSource: 300 });
  });
});
