/**
 * Preparing a run as a stream: worker-months come in grouped per worker (kbo, worker), each
 * worker's lines are computed with the pure core, compared in batches with what earlier runs of
 * the period settled, and written in batches, so that memory does not grow with the number of
 * rows. The whole run is one transaction: a run stopped half-way (a restart) has written nothing
 * and is simply computed again, so nothing is ever paid twice.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type Actor, assertCan } from '../access/index.ts';
import { type Command, defineCommand } from '../commands/index.ts';
import { type Cents, money, ValidationError } from '../domain/index.ts';
import { budgetArticleFor } from '../rules/index.ts';
import { AssumptionSet } from './assumptions.ts';
import { deltas, offsetLines, PACKAGES, premiumLines, type SettlementLine, type WorkerMonth } from './cmw.ts';
import { cmwParams, rulesetInfo } from './params.ts';
import { parsePeriod } from './period.ts';
import { settlementPlan } from './plan.ts';
import { markRecoveriesSettled, recoveryLines } from './recoveries.ts';
import {
  assumptionTable,
  insertLines,
  isDue,
  preparer,
  type RunLineView,
  type RunView,
  SETTLED_KEY_SELECT,
  type SettledKeyRow,
  type StoredLine,
  settledKeyLine,
  workerMonthSchema,
} from './runs-shared.ts';

const euroAmount = workerMonthSchema.shape.wage;

export const runHeaderInput = z.object({
  measure: z.literal('collectief-maatwerk'),
  period: z.string(),
  /** What was already paid for the period per organisation (the monthly advances). */
  advances_paid: z.array(z.object({ kbo: z.string().regex(/^\d{10}$/), amount: euroAmount })).default([]),
  dry_run: z.boolean().default(false),
});

export interface StreamOptions {
  /** Keep the lines for the result (a command's answer); off for large runs (the job, the bench). */
  collect?: boolean;
  /** Worker-months done so far. */
  progress?: (done: number) => void;
  /** Lines per database round trip. */
  batchSize?: number;
  /** Rows are WorkerMonths already validated (amounts in cents): not parsed again. */
  parsed?: boolean;
}

const NO_RUN = '00000000-0000-0000-0000-000000000000';
/** Every payable component counts as due (runs-shared.ts), not only loonpremie and begeleidingspremie. */
const isPremium = isDue;
const KBO = /^\d{10}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PACKAGE_SET: ReadonlySet<unknown> = new Set(PACKAGES);

/**
 * The common row (no entry/exit dates, the wage a number) checked without zod, which costs more
 * than the premium itself on 10⁶ rows; anything else returns null and goes through the schema,
 * so the checks and their messages stay the schema's.
 */
function plainWorkerMonth(raw: unknown): WorkerMonth | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const { kbo, worker, month, package: pkg, wage, fte } = r;
  if (r['from'] !== undefined || r['to'] !== undefined) return null;
  if (typeof kbo !== 'string' || !KBO.test(kbo)) return null;
  if (typeof worker !== 'string' || worker.length === 0) return null;
  if (typeof month !== 'string' || !MONTH.test(month)) return null;
  if (!PACKAGE_SET.has(pkg) || typeof wage !== 'number' || typeof fte !== 'number') return null;
  if (!(fte > 0 && fte <= 1)) return null;
  const c = Math.round(wage * 100);
  if (!Number.isSafeInteger(c) || c / 100 !== wage) return null;
  return { kbo, worker, month, package: pkg as WorkerMonth['package'], wage: money.cents(c), fte };
}

/** A prepare-run command over `rows` (grouped per kbo and worker). */
export function streamRunCommand(
  rows: Iterable<unknown> | AsyncIterable<unknown>,
  options: StreamOptions = {},
): Command<typeof runHeaderInput, RunView> {
  const batchSize = options.batchSize ?? 5000;
  return defineCommand({
    name: 'settlement/prepare-run',
    summary: 'Een afrekening berekenen en, als er iets verandert, als run bewaren.',
    input: runHeaderInput,
    authorize: ({ actor }) => assertCan(actor, 'settlement:prepare'),
    async run({ tx, actor, now }, input) {
      const plan = settlementPlan(input.measure);
      const period = parsePeriod(input.period);
      if (period.kind === 'voorschot') {
        throw ValidationError.field(
          'period',
          'voorschotruns zijn nog niet aan de databank gekoppeld; gebruik een kwartaal of jaar',
        );
      }
      const months = new Set(period.months);
      const { params, used } = await cmwParams(period.start);
      const assumptions = new AssumptionSet(await assumptionTable(tx));
      const article = budgetArticleFor(plan.measure, period.year);
      const ruleset = await rulesetInfo();
      const hash = createHash('sha256').update(
        JSON.stringify({ measure: input.measure, period: input.period, advances_paid: input.advances_paid }),
      );
      const { rows: earlier } = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM settlement_runs WHERE measure_id = $1 AND period = $2',
        [input.measure, input.period],
      );
      const correction = (earlier[0]?.n ?? 0) > 0;
      let runId = NO_RUN;
      if (!input.dry_run) {
        const { rows: r } = await tx.query<{ id: string }>(
          `INSERT INTO settlement_runs (measure_id, period, kind, correction, status, ruleset_version, ruleset_hash, inputs_hash,
             parameters, prepared_by, created_at)
           VALUES ($1,$2,$3,$4,'draft',$5,$6,'',$7,$8,$9) RETURNING id`,
          [
            input.measure,
            input.period,
            period.kind,
            correction,
            ruleset.version,
            ruleset.hash,
            JSON.stringify(used),
            preparer(actor),
            now,
          ],
        );
        runId = r[0]!.id;
      }
      if (correction) {
        await tx.query(
          'CREATE TEMP TABLE IF NOT EXISTS settlement_seen (line_key text PRIMARY KEY) ON COMMIT DROP',
        );
      }

      let due = 0;
      let advances = 0;
      let count = 0;
      const collected: StoredLine[] = [];
      let inFlight: Promise<unknown> = Promise.resolve();
      const emit = async (out: StoredLine[]) => {
        for (const o of out) {
          if (isPremium(o.line.component)) due += o.line.amount;
          else advances -= o.line.amount;
        }
        count += out.length;
        if (options.collect) collected.push(...out);
        if (input.dry_run || out.length === 0) return;
        // One insert in flight while the next batch is computed (PostgreSQL works in its own
        // process meanwhile); the previous one is awaited first, so at most two batches are held.
        await inFlight;
        inFlight = insertLines(tx, { id: runId, article: article.article, year: period.year }, out);
        inFlight.catch(() => {}); // awaited (and thrown) by the next emit or `drain`
      };
      const drain = async () => {
        await inFlight;
      };
      let buffer: SettlementLine[] = [];
      const flush = async () => {
        const current = buffer;
        buffer = [];
        if (current.length === 0) return;
        if (!correction) return emit(current.map((line) => ({ line, corrects: null })));
        await drain();
        const keys = current.map((l) => l.key);
        await tx.query(
          'INSERT INTO settlement_seen (line_key) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING',
          [keys],
        );
        const { rows: prev } = await tx.query<{ line_key: string; amount: string; last_id: string }>(
          `SELECT l.line_key, SUM(l.amount_cents)::bigint AS amount, (array_agg(l.id ORDER BY r.created_at DESC, l.id))[1] AS last_id
             FROM settlement_lines l JOIN settlement_runs r ON r.id = l.run_id
            WHERE r.measure_id = $1 AND r.period = $2 AND r.id <> $3 AND l.line_key = ANY($4::text[]) GROUP BY l.line_key`,
          [input.measure, input.period, runId, keys],
        );
        const settled = new Map<string, { amount: Cents; line: SettlementLine; id: string }>();
        const byKey = new Map(current.map((l) => [l.key, l]));
        for (const p of prev) {
          settled.set(p.line_key, {
            amount: money.cents(Number(p.amount)),
            line: byKey.get(p.line_key)!,
            id: p.last_id,
          });
        }
        await emit(
          deltas(settled, current).map((d) => ({ line: d.line, corrects: settled.get(d.key)?.id ?? null })),
        );
      };

      // Worker-months, grouped per worker: one worker's lines at a time.
      let group: WorkerMonth[] = [];
      let groupKey = '';
      let index = 0;
      const kbos = new Set<string>();
      const closeGroup = async () => {
        if (group.length === 0) return;
        kbos.add(group[0]!.kbo);
        buffer.push(...premiumLines(group, params, assumptions));
        group = [];
        if (buffer.length >= batchSize) await flush();
      };
      for await (const raw of rows) {
        const i = index++;
        let w = raw as WorkerMonth;
        if (!options.parsed) {
          const plain = plainWorkerMonth(raw);
          if (plain) w = plain;
          else {
            const parsed = workerMonthSchema.safeParse(raw);
            if (!parsed.success) {
              const issue = parsed.error.issues[0]!;
              throw ValidationError.field(`wages.${i}.${issue.path.join('.')}`, issue.message);
            }
            w = parsed.data as WorkerMonth;
          }
        }
        if (!months.has(w.month))
          throw ValidationError.field(`wages.${i}.month`, `valt buiten de periode ${input.period}`);
        hash.update(JSON.stringify(raw));
        const key = `${w.kbo}|${w.worker}`;
        if (key !== groupKey) {
          await closeGroup();
          groupKey = key;
        }
        group.push(w);
        options.progress?.(index);
      }
      await closeGroup();
      const paid = new Map<string, Cents>();
      for (const a of input.advances_paid) paid.set(a.kbo, money.cents((paid.get(a.kbo) ?? 0) + a.amount));
      buffer.push(...offsetLines(input.period, paid));
      // Recoveries (recoveries.ts): the open recoveries of the run's organisations, as negative lines.
      for (const kbo of paid.keys()) kbos.add(kbo);
      await drain();
      const recoveries = await recoveryLines(tx, input.measure, input.period, [...kbos]);
      buffer.push(...recoveries);
      await flush();
      await drain();

      if (correction) {
        // Keys earlier runs settled that are no longer in the data: a negative delta each.
        const { rows: gone } = await tx.query<SettledKeyRow>(
          `${SETTLED_KEY_SELECT}
            WHERE r.measure_id = $1 AND r.period = $2 AND r.id <> $3
              AND NOT EXISTS (SELECT 1 FROM settlement_seen s WHERE s.line_key = l.line_key)
            GROUP BY l.line_key HAVING SUM(l.amount_cents) <> 0 ORDER BY l.line_key`,
          [input.measure, input.period, runId],
        );
        for (let i = 0; i < gone.length; i += batchSize) {
          await emit(
            gone.slice(i, i + batchSize).map((g) => ({
              line: settledKeyLine(g, money.cents(-Number(g.amount)), {
                vervalt: 'niet meer in de gegevens',
              }),
              corrects: g.last_id,
            })),
          );
        }
      }

      await drain();
      const inputsHash = hash.digest('hex');
      const balance = due - advances;
      if (!input.dry_run) {
        if (count === 0) await tx.query('DELETE FROM settlement_runs WHERE id = $1', [runId]);
        else {
          await markRecoveriesSettled(tx, runId, recoveries);
          await tx.query(
            `UPDATE settlement_runs SET inputs_hash = $2, assumptions = $3, due_cents = $4, advances_cents = $5, balance_cents = $6
              WHERE id = $1`,
            [runId, inputsHash, JSON.stringify(assumptions.list()), due, advances, balance],
          );
        }
      }
      collected.sort((a, b) => (a.line.key < b.line.key ? -1 : a.line.key > b.line.key ? 1 : 0));
      const view: RunView = {
        id: input.dry_run || count === 0 ? null : runId,
        measure: input.measure,
        period: input.period,
        kind: period.kind,
        correction,
        status: count === 0 ? 'ongewijzigd' : input.dry_run ? 'proefberekening' : 'draft',
        ruleset,
        inputs_hash: inputsHash,
        assumptions: assumptions.list(),
        totals: {
          due: money.toEuros(money.cents(due)),
          advances: money.toEuros(money.cents(advances)),
          balance: money.toEuros(money.cents(balance)),
        },
        line_count: count,
        lines: collected.map(
          (o): RunLineView => ({
            id: null,
            key: o.line.key,
            kbo: o.line.kbo,
            worker: o.line.worker,
            component: o.line.component,
            period: o.line.period,
            amount: money.toEuros(o.line.amount),
            budget_article: article.article,
            basis: o.line.basis,
            corrects: o.corrects,
          }),
        ),
      };
      return {
        result: view,
        audit: {
          entityType: 'settlement_run',
          entityId: view.id ?? 'dry-run',
          data: { period: input.period, correction, lines: count, unchanged: count === 0 },
        },
      };
    },
  });
}

/** Worker-months in the order a stream needs: grouped per organisation and worker. */
export function groupedWages<T extends { kbo?: unknown; worker?: unknown; month?: unknown }>(
  rows: readonly T[],
): T[] {
  const k = (r: T) => `${String(r.kbo)}|${String(r.worker)}|${String(r.month)}`;
  return [...rows].sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0));
}
