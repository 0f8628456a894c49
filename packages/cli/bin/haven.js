#!/usr/bin/env node
// The `haven` command: runs the TypeScript CLI through tsx, sharing the server's code.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
