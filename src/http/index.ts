/** HTTP plumbing shared by the API and the web app: request context, authentication, CSRF, commands. */
export {
  authenticate,
  CSRF_HEADER,
  checkCsrf,
  clearSessionCookie,
  clientAddress,
  requireUser,
  SESSION_COOKIE,
  safeLocalPath,
  setSessionCookie,
} from './auth.ts';
export type { AppDeps, AppEnv } from './env.ts';
export { run, runValidated } from './run.ts';
