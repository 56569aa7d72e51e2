#!/usr/bin/env node
// `npx trede …`: the command-line interface, from the precompiled sources (bin/build.mjs).
import { entry } from './build.mjs';

const { main } = await entry('cli/main.ts');
process.exitCode = await main(process.argv);
