// Preloaded into benchmarked Node processes (node --import): reports peak memory when the process exits.
import { writeFileSync } from 'node:fs';

const target = process.env['TIERWISE_RUSAGE_FILE'];
if (target) {
  process.on('exit', () => {
    writeFileSync(target, JSON.stringify({ peakMB: process.resourceUsage().maxRSS / 1024 }));
  });
}
