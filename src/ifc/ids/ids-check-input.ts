// What the IDS check worker receives (structured clone): the model and the IDS, both as paths, so
// the IDS is validated and the model parsed in the worker, off the UI thread.
export interface IdsCheckInput {
  modelPath: string;
  idsPath: string;
  /** web-ifc's V8 code cache folder (see extraction-job.ts), when used. */
  codeCacheDir?: string;
}
