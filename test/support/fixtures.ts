// The test models and what their MANIFEST says about them (source, licence, counts).
import * as fs from 'fs';
import * as path from 'path';

export const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'ifc');

export interface ManifestRow {
  filename: string;
  category: string;
  license: string;
  sizeBytes: number;
  schema: string;
  spaces: number | null;
  boundaries: number | null;
  sha256: string;
}

let rows: ManifestRow[] | undefined;

export function manifest(): ManifestRow[] {
  if (rows) return rows;
  const [header, ...lines] = fs.readFileSync(path.join(FIXTURES, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const cols = header.split('\t');
  const at = (cells: string[], name: string) => cells[cols.indexOf(name)];
  const num = (v: string) => (/^\d+$/.test(v) ? Number(v) : null);
  rows = lines.map((l) => {
    const c = l.split('\t');
    return {
      filename: at(c, 'filename'),
      category: at(c, 'category'),
      license: at(c, 'license'),
      sizeBytes: Number(at(c, 'size_bytes')),
      schema: at(c, 'schema'),
      spaces: num(at(c, 'ifcspace_count')),
      boundaries: num(at(c, 'relspaceboundary_count')),
      sha256: at(c, 'sha256'),
    };
  });
  return rows;
}

export function manifestRow(filename: string): ManifestRow {
  const r = manifest().find((x) => x.filename === filename);
  if (!r) throw new Error(`${filename} is not in MANIFEST.tsv`);
  return r;
}

export function realModel(filename: string): string {
  return path.join(FIXTURES, 'real', filename);
}

export function malformedModel(filename: string): string {
  return path.join(FIXTURES, 'malformed', filename);
}
