#!/usr/bin/env node
// The `imagehr` command. The code is TypeScript (the Prisma client is generated as .ts), run through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
