#!/usr/bin/env node
// `npx trede …`: the command-line interface, run from the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
