#!/usr/bin/env node
// The published entry point: runs the compiled CLI. In this repository, run the source instead:
// npx tsx --conditions=source packages/mock-backend/src/cli.ts --port 8787
import '../dist/cli.js';
