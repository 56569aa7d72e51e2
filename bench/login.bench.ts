/**
 * Password hashing under a burst (issue 16): 40 concurrent failed sign-ins against `bin/serve.mjs`
 * on an embedded database, while /health is asked again and again. argon2id runs in a worker
 * pool, so /health should stay near its idle latency (aim ~100 ms). The address throttle refuses
 * attempts above its limit (LOGIN_THROTTLE.address) without hashing; the figures say how many.
 */
import { nl, startServer } from './support.ts';

const CONCURRENT = 40;

export async function run(log: (line: string) => void): Promise<void> {
  const server = await startServer('node');
  try {
    const health = async () => {
      const t = performance.now();
      const r = await fetch(`${server.url}/health`);
      if (r.status !== 200) throw new Error(`/health: ${r.status}`);
      return performance.now() - t;
    };
    const idle: number[] = [];
    for (let i = 0; i < 10; i++) idle.push(await health());
    let done = false;
    const started = performance.now();
    const burst = Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        fetch(`${server.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: `bench-onbekend-${i}`, password: 'fout-wachtwoord-123' }),
        }).then((r) => r.status),
      ),
    ).finally(() => {
      done = true;
    });
    const during: number[] = [];
    while (!done) during.push(await health());
    const statuses = await burst;
    const burstMs = performance.now() - started;
    const count = (s: number) => statuses.filter((x) => x === s).length;
    if (count(401) + count(429) !== CONCURRENT)
      throw new Error(`onverwachte statussen: ${statuses.join(',')}`);
    log(
      `${CONCURRENT} gelijktijdige mislukte aanmeldingen: ${count(401)} × 401, ${count(429)} × 429, in ${nl(burstMs)} ms`,
    );
    log(`/health in rust: max ${nl(Math.max(...idle), 1)} ms`);
    log(
      `/health tijdens de golf: ${during.length} keer, max ${nl(Math.max(...during), 1)} ms (doel ~100 ms)`,
    );
  } finally {
    await server.stop();
  }
}
