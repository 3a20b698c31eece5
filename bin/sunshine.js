#!/usr/bin/env node
// The `sunshine` command. The sources are TypeScript, run through tsx's loader so no build step stands between a
// fresh `npm install` and a working command.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../controller/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
