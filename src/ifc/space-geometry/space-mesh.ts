// A room's body triangulated by web-ifc's geometry kernel, in project coordinates (metres, z up).
// Spaces are left out of web-ifc's default mesh streaming, so each is asked for by id. web-ifc
// returns each piece's vertices (float32, local) with a float64 transformation that already scales
// to metres and turns the model Y-up for three.js; that turn is undone here: (x, y, z) = (X, −Z, Y).
import type { IfcAPI } from 'web-ifc';
import { TriangleMesh } from '../../core/geometry/mesh-measure';

/** A model web-ifc has open, and the engine it is open in. */
export interface MeshSource {
  readonly api: IfcAPI;
  readonly modelId: number;
}

interface Deletable {
  delete?(): void;
}

export function spaceMesh({ api, modelId }: MeshSource, spaceId: number): TriangleMesh {
  const flat = api.GetFlatMesh(modelId, spaceId);
  const positions: number[] = [];
  const indices: number[] = [];
  try {
    const pieces = flat.geometries;
    for (let j = 0; j < pieces.size(); j++) {
      const placed = pieces.get(j);
      const geometry = api.GetGeometry(modelId, placed.geometryExpressID);
      try {
        // Six floats per vertex: position, normal.
        const v = api.GetVertexArray(geometry.GetVertexData(), geometry.GetVertexDataSize());
        const ix = api.GetIndexArray(geometry.GetIndexData(), geometry.GetIndexDataSize());
        const m = placed.flatTransformation;
        const base = positions.length / 3;
        for (let k = 0; k < v.length; k += 6) {
          const [x, y, z] = [v[k], v[k + 1], v[k + 2]];
          const X = m[0] * x + m[4] * y + m[8] * z + m[12];
          const Y = m[1] * x + m[5] * y + m[9] * z + m[13];
          const Z = m[2] * x + m[6] * y + m[10] * z + m[14];
          positions.push(X, -Z, Y);
        }
        for (let k = 0; k < ix.length; k++) indices.push(base + ix[k]);
      } finally {
        (geometry as Deletable).delete?.();
      }
    }
  } finally {
    (flat as Deletable).delete?.();
  }
  return { positions: Float64Array.from(positions), indices: Uint32Array.from(indices) };
}
