export { commandRegistry } from './commands.ts';
export { createHttpApp, UPLOAD_PATH } from './http.ts';
export { type OpenedApp, openApp, type ReferenceLoader } from './startup.ts';
