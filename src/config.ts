/** Configuration from the environment, validated once at start-up with messages that say what to fix. */
import { resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL moet een postgres://-URL zijn')
    .optional(),
  TREDE_DATA_DIR: z.string().default('./data'),
  TREDE_ADMIN_PASSWORD: z.string().optional(),
  TREDE_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  TREDE_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  /** Mark cookies Secure; on by default when Trede runs behind HTTPS in production. */
  TREDE_COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  TREDE_BODY_LIMIT_MB: z.coerce.number().positive().max(500).default(1),
  TREDE_UPLOAD_LIMIT_MB: z.coerce.number().positive().max(2000).default(100),
});

export interface Config {
  port: number;
  host: string | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  session: { idleMinutes: number; absoluteHours: number };
  cookieSecure: boolean;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`PORT=`) means "not set", as in most tools.
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Ongeldige configuratie:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.TREDE_DATA_DIR),
    adminPassword: e.TREDE_ADMIN_PASSWORD,
    session: { idleMinutes: e.TREDE_SESSION_IDLE_MINUTES, absoluteHours: e.TREDE_SESSION_ABSOLUTE_HOURS },
    cookieSecure: e.TREDE_COOKIE_SECURE === 'true',
    bodyLimitBytes: Math.round(e.TREDE_BODY_LIMIT_MB * 1024 * 1024),
    uploadLimitBytes: Math.round(e.TREDE_UPLOAD_LIMIT_MB * 1024 * 1024),
  };
}
