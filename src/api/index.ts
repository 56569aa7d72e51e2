export { API_VERSION, createApi } from './app.ts';
export { ARROW_STREAM, isArrowStream } from './arrow.ts';
export { errorBody, toErrorResponse } from './errors.ts';
