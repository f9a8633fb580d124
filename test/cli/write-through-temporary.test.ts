// A scored file is written through a temporary file renamed into place (cli/score/write-output.ts).
// When the writing fails before the stream has even opened its file, nothing may be left behind: the
// stream is closed before the temporary file is removed (else its open made the file again afterwards).
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeStream, writeThroughTemporary } from '../../cli/score/write-output.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-write-temporary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeThroughTemporary with writeStream', () => {
  it('leaves neither the file nor a temporary one when the writing fails at once (100 times over)', async () => {
    for (let k = 0; k < 100; k++) {
      const out = join(dir, `failed-${k}.csv`);
      const failing = writeThroughTemporary(out, async (temporary) => {
        await writeStream(temporary, new Uint8Array([0xef, 0xbb, 0xbf]), async () => {
          throw new Error('the table has no header row');
        });
      });
      await expect(failing).rejects.toThrow('the table has no header row');
      expect(existsSync(out)).toBe(false);
    }
    // Give any open still under way its time: none may make a file now.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('renames the written file into place', async () => {
    const out = join(dir, 'written.csv');
    await writeThroughTemporary(out, async (temporary) => {
      await writeStream(temporary, new Uint8Array(0), async (stream) => {
        stream.write('id,tier\nC1,A\n');
      });
    });
    expect(readFileSync(out, 'utf8')).toBe('id,tier\nC1,A\n');
    expect(readdirSync(dir).filter((f) => f.includes('.tierwise-'))).toEqual([]);
    rmSync(out);
  });
});
