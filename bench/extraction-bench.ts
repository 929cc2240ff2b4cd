// Extraction against its floor: web-ifc's bare OpenModel and the full extraction, each in a fresh
// process (extraction-child.ts), alternated so both see the same machine state. The ratio says what
// reading spaces, boundaries and geometry costs on top of parsing; peak RSS per file size says how
// much memory a model of that size needs.
import * as path from 'path';
import { runJsonChild } from './child-run';
import { median } from './stats';
import type { ExtractionChildResult } from './extraction-child';

export interface ExtractionMeasurement {
  model: string;
  modelBytes: number;
  runs: number;
  /** Medians over the runs. */
  rawMs: number;
  rawOpenModelMs: number;
  extractMs: number;
  extractParseMs: number;
  ratio: number;
  mbPerSecond: number;
  /** Highest over the runs. */
  peakRssBytes: number;
  rawPeakRssBytes: number;
  peakRssPerFileSize: number;
  spaces: number;
  boundaries: number;
}

const CHILD = path.join(__dirname, 'extraction-child.js');

function runChild(mode: 'raw' | 'extract', file: string): Promise<ExtractionChildResult> {
  return runJsonChild<ExtractionChildResult>(CHILD, [mode, file], `${mode} of ${path.basename(file)}`);
}

const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

export async function measureExtraction(file: string, runs: number, onRun?: (r: ExtractionChildResult) => void): Promise<ExtractionMeasurement> {
  const raw: ExtractionChildResult[] = [];
  const extract: ExtractionChildResult[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so a slow phase of the machine does not always hit the same side.
    const order: Array<'raw' | 'extract'> = i % 2 === 0 ? ['raw', 'extract'] : ['extract', 'raw'];
    for (const mode of order) {
      const r = await runChild(mode, file);
      (mode === 'raw' ? raw : extract).push(r);
      onRun?.(r);
    }
  }
  const rawMs = median(raw.map((r) => r.totalMs));
  const extractMs = median(extract.map((r) => r.totalMs));
  const modelBytes = extract[0].fileBytes;
  const peakRssBytes = Math.max(...extract.map((r) => r.peakRssBytes));
  if (raw[0].spaces !== extract[0].spaces) throw new Error(`raw OpenModel counts ${raw[0].spaces} spaces, the extraction ${extract[0].spaces}`);
  return {
    model: path.basename(file),
    modelBytes,
    runs,
    rawMs: round(rawMs),
    rawOpenModelMs: round(median(raw.map((r) => r.parseMs ?? NaN))),
    extractMs: round(extractMs),
    extractParseMs: round(median(extract.map((r) => r.parseMs ?? NaN))),
    ratio: round(extractMs / rawMs, 2),
    mbPerSecond: round(modelBytes / 1e6 / (extractMs / 1000), 1),
    peakRssBytes,
    rawPeakRssBytes: Math.max(...raw.map((r) => r.peakRssBytes)),
    peakRssPerFileSize: round(peakRssBytes / modelBytes, 2),
    spaces: extract[0].spaces,
    boundaries: extract[0].boundaries ?? 0,
  };
}
