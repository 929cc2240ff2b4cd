// The Plan view's draw time and the stall a storey switch causes, measured in a process of its own
// (bench/plan-child.ts: Qt offscreen) on the large model and on an 800-room storey.
import * as path from 'path';
import { runJsonChild } from './child-run';

export interface PlanTimes {
  wallMs: number;
  cpuMs: number;
  maxWallMs: number;
}

export interface PlanMeasurement {
  large: { rooms: number; storeys: number; drawnRooms: number; open: { wallMs: number; cpuMs: number }; firstVisit: PlanTimes; revisit: PlanTimes };
  office: { rooms: number; zoom: PlanTimes; storeySwitch: PlanTimes; labels: number; dropped: number };
}

export function measurePlan(modelPath: string): Promise<PlanMeasurement> {
  return runJsonChild<PlanMeasurement>(path.join(__dirname, 'plan-child.js'), [modelPath], 'plan bench', { nodeArgs: ['--expose-gc'] });
}
