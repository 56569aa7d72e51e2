export { ALL_COMMANDS } from './commands.ts';
export { createHttpApp, UPLOAD_PATH } from './http.ts';
export { jobRegistry, jobService } from './jobs.ts';
export { type OpenedApp, openApp } from './startup.ts';
