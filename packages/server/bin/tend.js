#!/usr/bin/env node
// The `tend` command. The TypeScript is compiled to dist/ and bundled into dist/bundle/ by
// `npm run build` (run by the root package's `prepare` on `npm ci`), so this stays a shim.
import '../dist/bundle/main.js';
