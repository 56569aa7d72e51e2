import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { kboFor } from '../support/factories.ts';
import { client } from '../support/http.ts';
import { startServerProcess } from '../support/process.ts';

describe('npm start with the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trede-shutdown-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves /health, and on SIGTERM during writes stops cleanly leaving a consistent database', async () => {
    const password = 'sterk-genoeg-wachtwoord';
    const server = await startServerProcess({ TREDE_DATA_DIR: dataDir, TREDE_ADMIN_PASSWORD: password });
    expect((await client(server.url).get('/health')).status).toBe(200);

    const login = await client(server.url).post('/api/v1/auth/login', { username: 'admin', password });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const token = (
      (await (
        await client(server.url, { cookie, csrf: csrfToken }).post('/api/v1/auth/tokens', { name: 'load' })
      ).json()) as { token: string }
    ).token;
    const api = client(server.url, { bearer: token });

    // Eight writers create organisations as fast as they can until the server goes away.
    let created = 0;
    let n = 0;
    let stop = false;
    const writer = async () => {
      while (!stop) {
        try {
          const res = await api.post('/api/v1/organisations', {
            kbo: kboFor(900_000 + n++),
            name: `Last ${n}`,
            type: 'andere',
          });
          if (res.status === 201) created++;
          else if (res.status >= 500) throw new Error(`server error ${res.status}: ${await res.text()}`);
        } catch (e) {
          if ((e as Error).message.startsWith('server error')) throw e;
          stop = true; // connection refused or reset: the server is shutting down
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    while (created < 40) await new Promise((r) => setTimeout(r, 20));
    server.child.kill('SIGTERM');
    await Promise.all(writers);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM ontvangen');

    const db = await openDatabase({ dataDir });
    try {
      const orgs = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations');
      const unaudited = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM organisations o
          WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_id = o.id::text AND a.action = 'registry/create-organisation')`,
      );
      // Every acknowledged write is there, and nothing was written without its audit event.
      expect(orgs.rows[0]!.n).toBeGreaterThanOrEqual(created);
      expect(unaudited.rows[0]!.n).toBe(0);
    } finally {
      await db.close();
    }
  }, 120_000);
});
