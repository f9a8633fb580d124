// A table in one piece, its steps run in this thread: the one-thread `tierwise score` takes the same
// steps as the pieces on worker threads (score-in-pieces.ts), so it scores a range of customers at a
// time as their lines are written and never holds a million results (or a second copy of the text).
import type { PieceRunner } from './score-in-pieces.ts';
import type { Step, Steps } from './protocol.ts';
import { TablePiece } from './table-piece.ts';

export class InThreadRunner implements PieceRunner {
  readonly #piece = new TablePiece();

  async run<S extends Step>(step: S, input: Steps[S][0]): Promise<Steps[S][1]> {
    const request = { step, input } as { [T in Step]: { step: T; input: Steps[T][0] } }[Step];
    const piece = this.#piece;
    switch (request.step) {
      case 'parse':
        return piece.parse(request.input) as Steps[S][1];
      case 'layout':
        return piece.layout(request.input) as Steps[S][1];
      case 'ids':
        return piece.ids(request.input) as Steps[S][1];
      case 'read':
        return piece.read(request.input) as Steps[S][1];
      case 'score':
        return (await piece.score(request.input)) as Steps[S][1];
      case 'write':
        return piece.write(request.input) as Steps[S][1];
    }
  }

  async close(): Promise<void> {
    // Nothing runs apart from this thread.
  }
}
