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
export {
  classifyFailure,
  type Failure,
  isMalformedId,
  logFailure,
  RETRY_AFTER_SECONDS,
} from './failures.ts';
export { guardInput, jsonDepth, MAX_JSON_DEPTH } from './guard.ts';
export { HEAVY_CONCURRENT, HEAVY_QUEUE, limitConcurrency, Semaphore, ServiceBusyError } from './limit.ts';
export { run, runValidated } from './run.ts';
