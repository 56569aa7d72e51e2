export { createWeb, notFoundPage, webErrorPage } from './app.tsx';
