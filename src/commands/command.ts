/**
 * The command layer: every write in Trede is a command. The executor runs the same pipeline for
 * the API, the CLI and the web app:
 *
 *   validate input (zod) → begin transaction → authorise → run → write audit event(s) → commit
 *
 * The change and its audit events commit or roll back together. Commands return a presenter's
 * view (plain JSON), never raw rows.
 */
import type { z } from 'zod';
import type { Actor } from '../access/index.ts';
import { type AuditEntry, writeAudit } from '../audit/index.ts';
import type { Db, Tx } from '../db/index.ts';
import { type FieldIssue, ValidationError } from '../domain/index.ts';

export interface CommandContext {
  tx: Tx;
  actor: Actor;
  /** The moment the command runs; commands never read the clock themselves. */
  now: Date;
}

export interface CommandOutcome<R> {
  result: R;
  /** At least one audit event: a write without one is not a command. */
  audit: AuditEntry | [AuditEntry, ...AuditEntry[]];
}

export interface Command<S extends z.ZodType = z.ZodType, R = unknown> {
  /** Namespaced and unique: `registry/create-organisation`. */
  name: string;
  /** One Dutch sentence: what the command does (CLI help, API docs, audit view). */
  summary: string;
  input: S;
  /** Throws ForbiddenError / NotFoundError; may read the database (organisation-bound checks). */
  authorize(ctx: CommandContext, input: z.output<S>): void | Promise<void>;
  run(ctx: CommandContext, input: z.output<S>): Promise<CommandOutcome<R>>;
}

export function defineCommand<S extends z.ZodType, R>(command: Command<S, R>): Command<S, R> {
  return command;
}

export type CommandInput<C> = C extends Command<infer S, unknown> ? z.input<S> : never;
export type CommandResult<C> = C extends Command<z.ZodType, infer R> ? R : never;

/** Turns zod issues into field paths a user can act on (`rows.3.kbo: …`). */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(toFieldIssues(parsed.error));
  return parsed.data;
}

export async function execute<S extends z.ZodType, R>(
  db: Db,
  command: Command<S, R>,
  actor: Actor,
  rawInput: unknown,
  options: { now?: Date } = {},
): Promise<R> {
  return executeValidated(db, command, actor, parseInput(command.input, rawInput), options);
}

/**
 * Runs a command on input already validated by its own schema (an API route that validated the
 * body with `command.input` passes `c.req.valid('json')`): parsing twice would re-apply transforms.
 */
export async function executeValidated<S extends z.ZodType, R>(
  db: Db,
  command: Command<S, R>,
  actor: Actor,
  input: z.output<S>,
  options: { now?: Date } = {},
): Promise<R> {
  return db.transaction(async (tx) => {
    const ctx: CommandContext = { tx, actor, now: options.now ?? new Date() };
    await command.authorize(ctx, input);
    const { result, audit } = await command.run(ctx, input);
    for (const entry of Array.isArray(audit) ? audit : [audit]) {
      await writeAudit(tx, actor, command.name, entry);
    }
    return result;
  });
}
