import type { Actor } from '../access/index.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import type { JobService } from '../jobs/index.ts';
import type { Authenticated } from '../users/index.ts';

/** What every request handler can reach: the database, the configuration and who is asking. */
export interface AppDeps {
  db: Db;
  config: Config;
  /** Background jobs: submit, read with live progress, retry. */
  jobs: JobService;
  /** The clock; tests may fix it. */
  now?: () => Date;
}

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    actor: Actor;
    auth: Authenticated | null;
    /** How the request authenticated; cookie sessions need a CSRF token on unsafe methods. */
    authMethod: 'session' | 'bearer' | null;
    /** The request carried a session cookie that has expired (the web app says so at sign-in). */
    sessionExpired: boolean;
  };
};
