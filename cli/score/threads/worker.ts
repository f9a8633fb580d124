// The worker thread's entry: holds one piece of a customer table and runs the steps the main thread
// asks for (protocol.ts), replying with each step's output and transferring its typed arrays.
import { parentPort } from 'node:worker_threads';
import { TablePiece, transferOf } from './table-piece.ts';
import type { Reply, Request } from './protocol.ts';

const port = parentPort;
if (port === null) throw new Error('cli/score/threads/worker.ts runs as a worker thread (new Worker), not on its own');
const piece = new TablePiece();

port.on('message', (request: Request) => {
  void answer(request).then((reply) => port.postMessage(reply, reply.ok ? transferOf(reply.output) : []));
});

async function answer(request: Request): Promise<Reply> {
  try {
    const output = await run(request);
    return { ok: true, output };
  } catch (error) {
    // Sent to the main thread, which throws it there: a bug in a piece fails the command, never a silent fallback.
    const e = error instanceof Error ? error : new Error(String(error));
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: e.message, stack: e.stack ?? e.message, code: typeof code === 'string' ? code : null };
  }
}

function run(request: Request): unknown {
  switch (request.step) {
    case 'parse':
      return piece.parse(request.input);
    case 'layout':
      return piece.layout(request.input);
    case 'ids':
      return piece.ids(request.input);
    case 'read':
      return piece.read(request.input);
    case 'score':
      return piece.score(request.input);
    case 'write':
      return piece.write(request.input);
  }
}
