// Where --out may go: never over the input without --force, and only into a folder that exists, both
// checked before anything is read or scored, so a mistake costs nothing.
import { realpath, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FileError, UsageError } from '../io.ts';
import { fileSystemProblem } from '../../adapters/table/read-file.ts';
import { WORDS } from '../../core/i18n/index.ts';
import type { Language } from '../../core/schema/options.ts';

/** The same file, even through a different spelling or a link. */
async function samePath(a: string, b: string, language: Language): Promise<boolean> {
  if (a === b) return true;
  try {
    return (await realpath(a)) === (await realpath(b));
  } catch (error) {
    // An --out that does not exist yet cannot be the input; anything else is a real problem.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new FileError(fileSystemProblem(b, error, 'read', language));
  }
}

/** Refuses an --out that would overwrite the input or cannot be written, before anything is read or scored. */
export async function checkOut(out: string, shown: string, input: string, force: boolean, language: Language = 'en'): Promise<void> {
  if (!force && (await samePath(out, input, language))) throw new UsageError((w) => w.files.outIsInput(shown));
  let folder;
  try {
    folder = await stat(dirname(out));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FileError(WORDS[language].files.noFolder(shown, dirname(shown)));
    throw new FileError(fileSystemProblem(dirname(shown), error, 'read', language));
  }
  if (!folder.isDirectory()) throw new FileError(WORDS[language].files.outFolderIsFile(shown, dirname(shown)));
}
