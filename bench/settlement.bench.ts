/**
 * A quarterly collectief maatwerk settlement of N worker-months (default 10⁶ on PostgreSQL,
 * 10⁵ on PGlite; TREDE_BENCH_SETTLE_PG / TREDE_BENCH_SETTLE_PGLITE change them), streamed through
 * the same command a `settlement.run` job uses: rows generated on the fly, lines written in
 * batches, so memory should not grow with N. The total due must equal the hand count to the cent.
 * PostgreSQL: TREDE_BENCH_DATABASE_URL (default the local server); a scratch database is made.
 */
import { systemActor } from '../src/access/index.ts';
import { execute } from '../src/commands/index.ts';
import { type Db, migrate, openDatabase } from '../src/db/index.ts';
import { streamRunCommand } from '../src/settlement/index.ts';
import { nl, peakMemory } from './support.ts';

const actor = systemActor('cli', 'bench');
const MONTHS = ['2024-04', '2024-05', '2024-06'];

function* wages(workers: number) {
  for (let w = 0; w < workers; w++) {
    // 1.000 organisations; even workers 60% above the cap, odd 45% below it.
    const kbo = String(10_000_000 + (w % 1000)).padStart(8, '0');
    const k = `${kbo}${String(97 - (Number(kbo) % 97)).padStart(2, '0')}`;
    const even = w % 2 === 0;
    for (const month of MONTHS) {
      yield {
        kbo: k,
        worker: `W${w}`,
        month,
        package: even ? '60-hoog' : '45-hoog',
        wage: even ? 3000 : 2000,
        fte: 1,
      };
    }
  }
}

async function settle(db: Db, label: string, rows: number, log: (l: string) => void) {
  const workers = Math.ceil(rows / 3);
  const mem = peakMemory();
  const start = process.hrtime.bigint();
  const view = await execute(
    db,
    streamRunCommand(wages(workers), {
      batchSize: 5000,
      progress: (done) => {
        if (done % 10_000 === 0) mem.sample();
      },
    }),
    actor,
    { measure: 'collectief-maatwerk', period: '2024-Q2' },
  );
  mem.sample();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // 60%: 2.841,83 × 60% = 1.705,10 a month; 45%: 2.000 × 45% = 900,00; + 506,94 a worker-quarter.
  const even = Math.ceil(workers / 2);
  const odd = workers - even;
  const expected = even * (3 * 170_510 + 50_694) + odd * (3 * 90_000 + 50_694);
  const due = Math.round(view.totals.due * 100);
  if (due !== expected) throw new Error(`${label}: totaal ${due} cent, verwacht ${expected}`);
  const lines = view.line_count ?? 0;
  log(
    `${label}: ${nl(workers * 3)} werknemer-maanden, ${nl(lines)} lijnen in ${nl(seconds, 1)} s ` +
      `(${nl((workers * 3) / seconds)} rijen/s), piekgeheugen ${mem.mib()} MiB, totaal € ${nl(view.totals.due, 2)} ✓`,
  );
}

export async function run(log: (line: string) => void): Promise<void> {
  const pgRows = Number(process.env['TREDE_BENCH_SETTLE_PG'] ?? 1_000_000);
  const liteRows = Number(process.env['TREDE_BENCH_SETTLE_PGLITE'] ?? 100_000);
  const url = process.env['TREDE_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `trede_bench_settle_${process.pid}`;
  let admin: Db | undefined;
  try {
    admin = await openDatabase({ url });
    await admin.query(`CREATE DATABASE ${name}`);
    const db = await openDatabase({ url: url.replace(/\/[^/]*$/, `/${name}`) });
    try {
      await migrate(db);
      await settle(db, 'PostgreSQL', pgRows, log);
    } finally {
      await db.close();
      await admin.query(`DROP DATABASE ${name}`);
    }
  } catch (e) {
    log(`PostgreSQL: overgeslagen of mislukt (${(e as Error).message})`);
  } finally {
    await admin?.close();
  }
  const lite = await openDatabase({});
  try {
    await migrate(lite);
    await settle(lite, 'PGlite', liteRows, log);
    if (liteRows < 1_000_000)
      log(
        `PGlite: op ${nl(liteRows)} rijen gemeten (10⁶ duurt te lang voor het benchbudget; TREDE_BENCH_SETTLE_PGLITE=1000000).`,
      );
  } finally {
    await lite.close();
  }
}
