export { createWeb, notFoundPage } from './app.tsx';
