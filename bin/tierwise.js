#!/usr/bin/env node
// Thin launcher: the CLI is built to dist/cli by `npm install` (prepare) or `npm run build`.
import('../dist/cli/tierwise.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli')) {
    console.error('tierwise: the command line is not built yet; run `npm run build` first.');
    process.exit(2);
  }
  throw error;
});
