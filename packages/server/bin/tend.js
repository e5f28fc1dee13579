#!/usr/bin/env node
// The `tend` command. The TypeScript is compiled to dist/ by `npm run build` (run by the
// root package's `prepare` on `npm ci`), so this stays a one-line shim.
import '../dist/cli/main.js';
