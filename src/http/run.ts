import type { Context } from 'hono';
import type { z } from 'zod';
import { type Command, execute, executeValidated } from '../commands/index.ts';
import type { AppEnv } from './env.ts';

/** Runs a command for the current request's actor: the single write path of the API and web app. */
export function run<S extends z.ZodType, R>(
  c: Context<AppEnv>,
  command: Command<S, R>,
  input: unknown,
): Promise<R> {
  const { db, now } = c.var.deps;
  return execute(db, command, c.var.actor, input, now ? { now: now() } : {});
}

/** Runs a command on a body the route validated with the command's own input schema. */
export function runValidated<S extends z.ZodType, R>(
  c: Context<AppEnv>,
  command: Command<S, R>,
  input: z.output<S>,
): Promise<R> {
  const { db, now } = c.var.deps;
  return executeValidated(db, command, c.var.actor, input, now ? { now: now() } : {});
}
