#!/usr/bin/env node
// Thin launcher: the CLI is built to dist/cli by `npm install` (prepare) or `npm run build`.
// The Node version is checked first, in syntax every Node understands, so an old Node gets a sentence.
var major = Number(String(process.versions.node).split('.')[0]);
if (!(major >= 20)) {
  console.error('tierwise needs Node.js 20 or later (this is Node.js ' + process.versions.node + '); install a current version from https://nodejs.org');
  process.exit(1);
}
import('../dist/cli/tierwise.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli')) {
    console.error('tierwise: the command line is not built yet; run `npm run build` first.');
    process.exit(2);
  }
  throw error;
});
