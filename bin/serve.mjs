#!/usr/bin/env node
// `npm start`: runs the TypeScript sources through tsx (no build step needed after `npm ci`).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/server.ts');
await main();
