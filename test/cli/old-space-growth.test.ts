// `score --orders` bounds the old generation's growth with a V8 flag (cli/old-space-growth.ts). V8
// ignores an unknown flag set at run time without a word, so this pins that the Node we run on knows it.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { ORDERS_HEAP_GROWTH_FLAG, boundOldSpaceGrowthForOrders } from '../../cli/old-space-growth.ts';

const nodeTakes = (flag: string) => spawnSync(process.execPath, [flag, '-e', '0'], { encoding: 'utf8' });

describe('the old generation bound of score --orders', () => {
  it("is a flag this Node's V8 knows (a made-up one is refused)", () => {
    expect(nodeTakes(ORDERS_HEAP_GROWTH_FLAG).status).toBe(0);
    const madeUp = nodeTakes('--heap-growing-percent-of-nothing=50');
    expect(madeUp.status).not.toBe(0);
    expect(madeUp.stderr).toContain('bad option');
  });

  it('sets exactly that flag', () => {
    const set: string[] = [];
    boundOldSpaceGrowthForOrders((flag) => set.push(flag));
    expect(set).toEqual(['--heap-growing-percent=50']);
  });
});
