/**
 * Issue 16: argon2id runs in the worker pool, outside the event loop and outside any database
 * transaction, so /health answers while a burst of failed sign-ins is being hashed. The order of
 * answers is asserted, not a duration.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPoolStats } from '../../src/users/index.ts';
import { describeEachDb } from '../support/db.ts';
import { client, startTestServer, type TestServer } from '../support/http.ts';

describeEachDb('hardening: hashing off the main thread', ({ db }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(db());
  });
  afterAll(() => server.close());

  it('answers /health before a burst of 20 failed sign-ins is done, hashing them in workers', async () => {
    const before = hashPoolStats().completed;
    const finished: string[] = [];
    const logins = Array.from({ length: 20 }, (_, i) =>
      client(server.url)
        .post('/api/v1/auth/login', { username: `onbekend-${i}`, password: 'fout-wachtwoord-123' })
        .then((r) => {
          finished.push(`login ${r.status}`);
        }),
    );
    const health = await fetch(`${server.url}/health`);
    finished.push(`health ${health.status}`);
    await Promise.all(logins);
    expect(finished).toHaveLength(21);
    expect(finished.indexOf('health 200')).toBeLessThan(20);
    expect(finished.filter((f) => f === 'login 401')).toHaveLength(20);
    // Every verification ran in a worker thread.
    expect(hashPoolStats().workers).toBeGreaterThan(0);
    expect(hashPoolStats().completed - before).toBeGreaterThanOrEqual(20);
  });
});
