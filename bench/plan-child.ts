// Child process of the bench's 'plan' part: the Plan view offscreen, measured as the user meets it.
// On the large model: opening it on the plan, and switching storeys (each switch builds the storey's
// scene the first time, then reuses it) with the stall each causes; on an 800-room storey (the
// office floor the tests draw): a zoom, which redraws rooms and labels, and a storey switch.
// Prints one JSON line. Wall-clock and CPU time are both given: on a shared machine the clock
// also counts other processes' turns.
import { extractScheduleFromFile } from '../src/ifc/extract';
import { FIRST, GROUND, officeFloor } from '../test/core/plan/plan-fixtures';
import { median } from './stats';

interface Timed {
  wallMs: number;
  cpuMs: number;
}

function timed(fn: () => void): Timed {
  const cpu = process.cpuUsage();
  const started = performance.now();
  fn();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

const round = (v: number) => Math.round(v * 10) / 10;
const medians = (xs: Timed[]) => ({ wallMs: round(median(xs.map((x) => x.wallMs))), cpuMs: round(median(xs.map((x) => x.cpuMs))), maxWallMs: round(Math.max(...xs.map((x) => x.wallMs))) });
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

async function main(): Promise<void> {
  // Qt reads its platform once, when NodeGui loads: set before the first require of the UI.
  if (!process.env.DISPLAY) process.env.QT_QPA_PLATFORM ??= 'offscreen';
  const model = process.argv[2];
  const schedule = await extractScheduleFromFile(model);
  /* eslint-disable @typescript-eslint/no-var-requires */
  const { qtRuntime } = require('../src/ui/runtime/qt-runtime') as typeof import('../src/ui/runtime/qt-runtime');
  qtRuntime().start();
  const { PlanPanel } = require('../src/ui/plan/plan-panel') as typeof import('../src/ui/plan/plan-panel');
  const panel = new PlanPanel('category');
  /* eslint-enable @typescript-eslint/no-var-requires */
  panel.widget.resize(1000, 700);
  panel.widget.show();
  await settle();
  const open = timed(() => {
    panel.setModel(schedule, () => false);
    panel.canvas.widget.repaint();
  });
  const storeys = panel.storeyList;
  const visits = storeys.slice(0, 20);
  const first = visits.map((s) => timed(() => {
    panel.showStorey(s.key);
    panel.canvas.widget.repaint();
  }));
  const again = visits.map((s) => timed(() => {
    panel.showStorey(s.key);
    panel.canvas.widget.repaint();
  }));
  const large = { rooms: schedule.spaces.length, storeys: storeys.length, drawnRooms: storeys.reduce((n, s) => n + s.spaceIndexes.length, 0), open, firstVisit: medians(first.slice(1)), revisit: medians(again) };

  panel.setModel(officeFloor(800, [GROUND, FIRST]), () => false);
  await settle();
  const zooms: Timed[] = [];
  const switches: Timed[] = [];
  for (let i = 0; i < 12; i++) {
    switches.push(timed(() => {
      panel.showStorey(i % 2 ? GROUND.name! : FIRST.name!);
      panel.canvas.widget.repaint();
    }));
    zooms.push(timed(() => {
      panel.canvas.zoom(3);
      panel.canvas.widget.repaint();
    }));
  }
  const labels = panel.canvas.currentLabels()!;
  // The first rounds run before V8 has optimised the code.
  const office = { rooms: 800, zoom: medians(zooms.slice(2)), storeySwitch: medians(switches.slice(2)), labels: labels.labels.length, dropped: labels.dropped };
  panel.dispose();
  panel.widget.close();
  console.log(JSON.stringify({ large, office }));
  process.exit(0);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
