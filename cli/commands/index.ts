import type { Command } from '../io.ts';

/** Every command, by its words on the command line ("score", "model fit", "hubspot sync"). */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  score: () => import('./score.ts').then((m) => m.default),
  'model fit': () => import('./model-fit.ts').then((m) => m.default),
  backtest: () => import('./backtest.ts').then((m) => m.default),
  'hubspot sync': () => import('./hubspot-sync.ts').then((m) => m.default),
  'app serve': () => import('./app-serve.ts').then((m) => m.default),
  'app worker': () => import('./app-worker.ts').then((m) => m.default),
};
