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
  /** The same extraction without room geometry, and what room geometry adds (medians). */
  withoutRoomGeometryMs: number;
  roomGeometryPhaseMs: number;
  roomGeometryShare: number;
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

function runChild(mode: ExtractionChildResult['mode'], file: string): Promise<ExtractionChildResult> {
  return runJsonChild<ExtractionChildResult>(CHILD, [mode, file], `${mode} of ${path.basename(file)}`);
}

const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

export async function measureExtraction(file: string, runs: number, onRun?: (r: ExtractionChildResult) => void): Promise<ExtractionMeasurement> {
  const raw: ExtractionChildResult[] = [];
  const extract: ExtractionChildResult[] = [];
  const plain: ExtractionChildResult[] = [];
  const modes: ExtractionChildResult['mode'][] = ['raw', 'extract', 'extract-no-room-geometry'];
  for (let i = 0; i < runs; i++) {
    // Rotate which goes first, so a slow phase of the machine does not always hit the same side.
    const order = modes.map((_, k) => modes[(k + i) % modes.length]);
    for (const mode of order) {
      const r = await runChild(mode, file);
      (mode === 'raw' ? raw : mode === 'extract' ? extract : plain).push(r);
      onRun?.(r);
    }
  }
  const withoutRoomGeometryMs = median(plain.map((r) => r.totalMs));
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
    withoutRoomGeometryMs: round(withoutRoomGeometryMs),
    roomGeometryPhaseMs: round(median(extract.map((r) => r.roomGeometryMs ?? 0))),
    roomGeometryShare: round(extractMs / withoutRoomGeometryMs - 1, 3),
    ratio: round(extractMs / rawMs, 2),
    mbPerSecond: round(modelBytes / 1e6 / (extractMs / 1000), 1),
    peakRssBytes,
    rawPeakRssBytes: Math.max(...raw.map((r) => r.peakRssBytes)),
    peakRssPerFileSize: round(peakRssBytes / modelBytes, 2),
    spaces: extract[0].spaces,
    boundaries: extract[0].boundaries ?? 0,
  };
}
