/** The monitor pages live in ./monitor/ (one file per section); this keeps the app's import. */
export { monitorPages } from './monitor/index.tsx';
