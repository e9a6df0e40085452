#!/usr/bin/env node
// Entry point of the `puente` command: runs the TypeScript CLI through tsx, so a checkout works after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
