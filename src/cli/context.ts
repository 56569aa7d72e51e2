/** What a CLI command needs: the database (opened and migrated like the server does) and an actor. */
import { userInfo } from 'node:os';
import type { z } from 'zod';
import { type Actor, systemActor } from '../access/index.ts';
import { openApp } from '../app/index.ts';
import { type Command, execute } from '../commands/index.ts';
import { loadConfig } from '../config.ts';
import { DatabaseLockedError, type Db } from '../db/index.ts';

export interface CliContext {
  db: Db;
  actor: Actor;
  run<S extends z.ZodType, R>(command: Command<S, R>, input: unknown): Promise<R>;
}

/**
 * Opens the configured database for one command and closes it afterwards. The CLI's user already
 * holds the database, so it acts as the system administrator; the audit log records the OS user.
 */
export async function withCli<T>(fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { db } = await openApp(config, { createAdmin: false }).catch((e: unknown) => {
    if (e instanceof DatabaseLockedError) {
      // The usual case: `npm start` runs on the same folder. The CLI never writes beside it.
      throw new Error(
        `${e.message}\nDraait de Trede-server op deze map? Stop de server (Ctrl+C) en geef de opdracht ` +
          'opnieuw, of gebruik de API van de server met een API-token (zie /api/docs).',
      );
    }
    throw e;
  });
  let who = 'onbekend';
  try {
    who = userInfo().username;
  } catch {}
  const actor = systemActor('cli', `cli:${who}`);
  try {
    return await fn({ db, actor, run: (command, input) => execute(db, command, actor, input) });
  } finally {
    await db.close();
  }
}
