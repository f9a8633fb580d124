/** The data cannot support a model fit; the message says why, in numbers. */
export class ModelFitError extends Error {
  override name = 'ModelFitError';
}
