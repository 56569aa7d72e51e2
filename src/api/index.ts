export { API_VERSION, createApi } from './app.ts';
export { errorBody, toErrorResponse } from './errors.ts';
