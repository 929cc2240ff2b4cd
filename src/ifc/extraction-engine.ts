// How an extraction reads the file. 'fast': the schedule's records read from the file's text
// through a byte-level index (step-index.ts, text-lines.ts), web-ifc only meshing rooms from a
// subset model, and reading any file the fast reader refuses. 'web-ifc': the whole file parsed by
// web-ifc, the reference the fast engine is tested against (test/ifc/fast-engine.test.ts).
export const EXTRACTION_ENGINES = ['fast', 'web-ifc'] as const;

export type ExtractionEngine = (typeof EXTRACTION_ENGINES)[number];

export const DEFAULT_ENGINE: ExtractionEngine = 'fast';
