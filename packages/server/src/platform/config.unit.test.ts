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
});
