/**
 * Availability over real HTTP on each backend (issue 16): uploads are refused before their body
 * is read, a database outage is a 503 with a retry hint, the open ladder follows the registry
 * (cache per registry version) and heavy anonymous work waits in a bounded queue.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Semaphore, ServiceBusyError } from '../../src/http/index.ts';
import { inszFor } from '../registry/support.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { kboFor, makeUser } from '../support/factories.ts';
import { client, loginClient, startTestServer, type TestServer } from '../support/http.ts';
import { backends, upload, useHardenedServer } from './support.ts';

const MB = 1024 * 1024;

/** Streams up to `total` bytes to `path` and stops as soon as the answer comes; returns it and what was sent. */
function streamUpload(base: string, path: string, total: number): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    let sent = 0;
    let done = false;
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(total) },
      },
      (res) => {
        done = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, sent });
        req.destroy();
      },
    );
    req.on('error', (e) => (done ? undefined : reject(e)));
    const chunk = Buffer.alloc(MB, 0x61);
    const pump = () => {
      while (!done && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!done) req.end();
    };
    pump();
  });
}

for (const backend of backends()) {
  describe(`uploads and the open ladder [${backend}]`, () => {
    const h = useHardenedServer(backend, { uploadLimitBytes: 200 * MB });

    it('refuses an anonymous 90 MB upload with 401 without reading it', async () => {
      const r = await streamUpload(h().url, '/api/v1/registry/imports/personen', 90 * MB);
      expect(r.status).toBe(401);
      // The answer came before the body was sent: a handful of chunks in the socket buffers at most.
      expect(r.sent).toBeLessThan(30 * MB);
    });

    it('the open ladder follows every registry write (cache per registry version)', async () => {
      const kbo = kboFor(31_005);
      const imp = (kind: string, lines: string[]) =>
        upload(h().url, h().token, `/api/v1/registry/imports/${kind}`, `${kind}.csv`, lines.join('\n'));
      await imp('organisaties', ['kbo,naam,type,nis_code', `${kbo},Maatwerk Brugge,maatwerkbedrijf,31005`]);
      const persons = Array.from({ length: 12 }, (_, i) => inszFor(3000 + i));
      await imp('personen', ['insz,voornaam,achternaam', ...persons.map((p) => `${p},A,B`)]);
      const header = 'insz,kbo,maatregel,start,einde,vte,uren_per_week';
      const line = (p: string) => `${p},${kbo},maatwerkbedrijf-ex-bw,2019-01-01,,1,38`;
      expect((await imp('plaatsingen', [header, ...persons.slice(0, 6).map(line)])).status).toBe(200);
      const value = async () => {
        const res = await h().anonymous.get(
          '/api/v1/open/ladder?year=2019&region=west-vlaanderen&source=registry',
        );
        expect(res.status).toBe(200);
        const l = (await res.json()) as { measures: { measure: string; value: number | null }[] };
        return l.measures.find((m) => m.measure === 'maatwerkbedrijf-ex-bw')?.value;
      };
      expect(await value()).toBe(6); // 6 persons at work on 31/12/2019
      expect(await value()).toBe(6); // from the cache
      expect((await imp('plaatsingen', [header, ...persons.map(line)])).status).toBe(200);
      expect(await value()).toBe(12); // the import bumped the registry version
      // 32 clients at once: every one answered, none with a 5xx other than a 503 with Retry-After.
      const answers = await Promise.all(
        Array.from({ length: 32 }, () =>
          h().anonymous.get('/api/v1/open/ladder?year=2019&region=west-vlaanderen&source=registry'),
        ),
      );
      for (const a of answers) {
        if (a.status === 503) expect(a.headers.get('retry-after')).toMatch(/^\d+$/);
        else expect(a.status).toBe(200);
      }
    });
  });

  describe(`a database outage is a 503 with Retry-After [${backend}]`, () => {
    let t: TestDb;
    let server: TestServer;
    let token = '';
    let cookie = '';
    beforeAll(async () => {
      t = await createTestDb(backend);
      server = await startTestServer(t.db);
      const user = await makeUser(t.db, ['beheerder']);
      const session = await loginClient(server.url, user.username);
      token = (
        (await (await session.post('/api/v1/auth/tokens', { name: 'outage' })).json()) as { token: string }
      ).token;
      const res = await client(server.url).post('/api/v1/auth/login', {
        username: user.username,
        password: user.password,
      });
      cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      // The outage: the database goes away under the running server.
      const close = t.db.close.bind(t.db);
      await close();
      (t.db as { close: () => Promise<void> }).close = async () => {};
    });
    afterAll(async () => {
      await server?.close().catch(() => {});
      await t?.drop().catch(() => {});
    });

    it('answers the API with 503 and Retry-After, not 500', async () => {
      for (const path of ['/api/v1/organisations', '/api/v1/persons?page=1']) {
        const res = await client(server.url, { bearer: token }).get(path);
        expect(res.status, path).toBe(503);
        expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unavailable');
      }
      const anon = await client(server.url).get(
        '/api/v1/open/ladder?year=2019&region=west-vlaanderen&source=registry',
      );
      expect(anon.status).toBe(503);
    });

    it('answers the web app with a 503 page and Retry-After', async () => {
      {
        const res = await fetch(`${server.url}/register/organisaties`, {
          headers: { cookie },
          redirect: 'manual',
        });
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(await res.text()).toContain('niet bereikbaar');
      }
    });

    it('/health says so too', async () => {
      expect((await fetch(`${server.url}/health`)).status).toBe(503);
    });
  });
}

describe('the heavy-request queue', () => {
  it('runs at most `concurrent` at once, queues `queue` more and refuses the rest', async () => {
    const s = new Semaphore(1, 1);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = s.run(() => gate);
    const second = s.run(async () => 'second');
    expect(s.running).toBe(1);
    expect(s.waiting).toBe(1);
    await expect(s.run(async () => 'third')).rejects.toBeInstanceOf(ServiceBusyError);
    release();
    await first;
    expect(await second).toBe('second');
    expect(s.running).toBe(0);
  });
});
