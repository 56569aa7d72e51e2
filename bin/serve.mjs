#!/usr/bin/env node
// `npm start`: the web app and API, from the precompiled sources (bin/build.mjs).
import { entry } from './build.mjs';

const { main } = await entry('server.ts');
await main();
