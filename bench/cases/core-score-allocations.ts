// Where scoring allocates: V8's sampling heap profiler over one scoreCustomers call, counting the
// objects the young-generation collector already freed too. Unlike the wall clock on a shared VM,
// these byte counts barely move from run to run, so a change to the per-customer work can be judged
// by them. Prints {allocatedMB, perCustomerBytes, byFunction: [[function, MB], ...]} as JSON.
import { Session } from 'node:inspector/promises';
import { scoreCustomers } from '../../core/index.ts';
import { readCustomers } from './read-csv.ts';

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

const [path, asOf] = process.argv.slice(2) as [string, string];
const customers = readCustomers(path);
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
// includeObjectsCollectedBy*: without them the profile shows only what is still alive at the end.
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMinorGC: true,
  includeObjectsCollectedByMajorGC: true,
});
const results = scoreCustomers(customers, { asOf });
const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: ProfileNode } };

const bytes = new Map<string, number>();
const walk = (node: ProfileNode): void => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
  bytes.set(where, (bytes.get(where) ?? 0) + node.selfSize);
  node.children.forEach(walk);
};
walk(profile.head);
const total = [...bytes.values()].reduce((a, b) => a + b, 0);
const byFunction = [...bytes]
  .filter(([, b]) => b >= total / 200)
  .sort((a, b) => b[1] - a[1])
  .map(([where, b]) => [where, Math.round(b / 1e5) / 10]);
console.log(JSON.stringify({ allocatedMB: Math.round(total / 1e6), perCustomerBytes: Math.round(total / results.length), byFunction }, null, 1));
