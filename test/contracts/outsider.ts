// What an outside checker has: the built command (bin/tierwise.js → dist/cli), DESIGN.md's contracts,
// and its own arithmetic. Nothing here imports the project's code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'tierwise.js');

/** The shared data set (shared/ beside the clone, as CI lays it, or the workplace's); else the repo's byte-identical copies. */
export function dataFile(name: 'CDNOW_master.txt' | 'CDNOW_sample.txt'): string {
  const repoCopy = name === 'CDNOW_master.txt' ? join(ROOT, 'bench', 'data', name) : join(ROOT, 'test', 'fixtures', 'cdnow', name);
  const found = [join(ROOT, '..', 'shared', 'data', name), join('/work', 'shared', 'data', name), repoCopy].find((p) => existsSync(p));
  if (found === undefined) throw new Error(`${name} not found in shared/data nor at ${repoCopy}`);
  return found;
}

export interface Ran { status: number | null; stdout: string; stderr: string }

export function tierwise(args: string[], env: Record<string, string> = {}): Ran {
  const child = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Asynchronous, so a test can run a local server in the same process while the command talks to it. */
export function tierwiseAsync(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** RFC 4180 CSV (quotes, doubled quotes, commas and newlines inside quotes); a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

export const toCsv = (rows: (string | number)[][]): string => rows.map((r) => r.map((v) => { const t = String(v); return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t; }).join(',')).join('\n') + '\n';

/** DESIGN.md: score = 1 + floor(5 × w / N), w = how many scored customers have a strictly worse value. */
export function rankScores(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const below = (v: number): number => { let lo = 0; let hi = sorted.length; while (lo < hi) { const mid = (lo + hi) >> 1; if ((sorted[mid] as number) < v) lo = mid + 1; else hi = mid; } return lo; };
  return values.map((v) => 1 + Math.floor((5 * below(v)) / values.length));
}

/** DESIGN.md's RF grid; Lost is the part of Hibernating with R1 and M1-2. */
export function gridSegment(r: number, f: number, m: number): string {
  if (r === 5 && f >= 4) return 'Champions';
  if ((r === 3 || r === 4) && f >= 4) return 'Loyal';
  if (r >= 4 && (f === 2 || f === 3)) return 'Potential loyalist';
  if (r === 5 && f === 1) return 'New';
  if (r === 4 && f === 1) return 'Promising';
  if (r === 3 && f === 3) return 'Need attention';
  if (r === 3 && f <= 2) return 'About to sleep';
  if (r <= 2 && (f === 3 || f === 4)) return 'At risk';
  if (r <= 2 && f === 5) return "Can't lose";
  if (r === 1 && f <= 2 && m <= 2) return 'Lost';
  return 'Hibernating';
}

/** DOMAIN.md's default tier mapping. */
export const TIER_OF: Record<string, string> = {
  Champions: 'A', Loyal: 'A',
  'Potential loyalist': 'B', New: 'B', Promising: 'B',
  'Need attention': 'C', 'About to sleep': 'C',
  'At risk': 'D', "Can't lose": 'D', Hibernating: 'D', Lost: 'D',
};

export const JSON_KEYS = ['row', 'id', 'tier', 'segment', 'r', 'f', 'm', 'churnRisk', 'churnLevel', 'lifecycle', 'nextAction', 'followUpBy', 'reasons', 'error'] as const;
export const SCORE_KEYS = ['tier', 'segment', 'r', 'f', 'm', 'churnRisk', 'churnLevel', 'lifecycle', 'nextAction', 'followUpBy'] as const;
export const RESULT_HEADERS = ['Tier', 'Segment', 'RFM', 'Churn risk', 'Churn level', 'Lifecycle', 'Next action', 'Follow up by', 'Why'];
export type Result = Record<(typeof JSON_KEYS)[number], unknown> & Record<string, unknown>;

/** A small deterministic generator (mulberry32), so the tables are the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
