// The desktop app's command line. Flags used by tests and docs: --screenshot (grab the main window
// once the model is shown) and --quit-after; both work offscreen.
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_ENGINE, EXTRACTION_ENGINES, ExtractionEngine } from '../../ifc/extraction-engine';
import { ExerciseSpec, parseExercise } from './exercise';

export type ScreenshotMoment = 'loaded' | 'loading' | 'diagnostics';

export interface AppArgs {
  file: string | undefined;
  /** Open the bundled sample when no file is given. */
  sample: boolean;
  screenshot: string | undefined;
  screenshotWhen: ScreenshotMoment;
  /** Select this room (its Name/number, or a 1-based index) once loaded. */
  select: string | undefined;
  /** Show this details tab once a room is selected. */
  tab: 'properties' | 'boundaries' | 'relationships' | 'notes' | undefined;
  /** Open on this view ('plan': the Plan tab) once loaded. */
  view: 'plan' | undefined;
  /** Show this storey on the plan (its name or label). */
  storey: string | undefined;
  /** Quit after the screenshot was taken. */
  quitAfterScreenshot: boolean;
  quitAfter: number | undefined;
  /** For the loading screenshot and cancel demos: cancel the load after this many ms. */
  cancelAfter: number | undefined;
  /** Open the file this many ms after the window is shown (as File → Open in a running window), not at once. */
  openAfter: number | undefined;
  /** How models are read: the CLI's --engine. */
  engine: ExtractionEngine;
  /** Run cycles on the model in the real window (open-close:N, open-cancel:N). */
  exercise: ExerciseSpec | undefined;
  /** Write the Diagnostics report as JSON here (after the exercise, or once the model loaded) and quit. */
  report: string | undefined;
  verbose: boolean;
  /** Once loaded, compare the model with this file, as File → Compare with… does. */
  compareWith: string | undefined;
  /** Once loaded, check the model against this IDS file, as Tools → Check requirements… does. */
  checkIds: string | undefined;
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number of milliseconds');
  return n;
}

export function parseAppArgs(argv: string[]): AppArgs {
  const program = new Command()
    .name('ifc-room-schedule')
    .description('Room schedules from IFC building models')
    .argument('[file]', 'IFC model to open (.ifc or .ifczip); the bundled sample when omitted')
    .option('--no-sample', 'start with no model when no file is given')
    .option('--screenshot <file.png>', 'save a PNG of the main window once the model is shown')
    .option('--screenshot-when <moment>', 'loaded | loading | diagnostics (after a cancelled load)', 'loaded')
    .option('--select <room>', 'select this room (number or 1-based position) once loaded')
    .option('--tab <tab>', 'details tab to show: properties | boundaries | relationships | notes')
    .option('--view <view>', 'open on this view once loaded: plan')
    .option('--storey <name>', 'the storey the plan shows (its name, as in the room list)')
    .option('--keep-running', 'keep running after the screenshot')
    .option('--quit-after <ms>', 'quit after this many milliseconds', positiveInt)
    .option('--cancel-after <ms>', 'cancel the model load after this many milliseconds', positiveInt)
    .option('--open-after <ms>', 'open the file this many milliseconds after the window is shown, as File → Open would', positiveInt)
    .addOption(new Option('--engine <engine>', 'how models are read, as the command line’s --engine').choices(EXTRACTION_ENGINES).default(DEFAULT_ENGINE))
    .option('--compare-with <file>', 'once loaded, compare the model with this earlier revision (File → Compare with…)')
    .option('--check-ids <file>', 'once loaded, check the model against this IDS file (Tools → Check requirements…)')
    .option('--exercise <kind:N>', 'run N cycles on the model in the window: open-close:N or open-cancel:N (cancels at random moments)', parseExercise)
    .option('--report <file.json>', 'write the Diagnostics report (with the exercise and a verification) as JSON, then quit')
    .option('-v, --verbose', 'log everything to the console')
    .allowExcessArguments(false)
    .exitOverride();
  program.parse(argv);
  const o = program.opts<{ sample: boolean; screenshot?: string; screenshotWhen: string; select?: string; tab?: string; view?: string; storey?: string; keepRunning?: boolean; quitAfter?: number; cancelAfter?: number; openAfter?: number; engine: string; exercise?: ExerciseSpec; report?: string; verbose?: boolean; compareWith?: string; checkIds?: string }>();
  const when = o.screenshotWhen as ScreenshotMoment;
  if (!['loaded', 'loading', 'diagnostics'].includes(when)) throw new InvalidArgumentError(`--screenshot-when: expected loaded, loading or diagnostics, got ${when}`);
  const engine = o.engine as ExtractionEngine;
  const tab = o.tab as AppArgs['tab'];
  if (tab && !['properties', 'boundaries', 'relationships', 'notes'].includes(tab)) throw new InvalidArgumentError(`--tab: unknown tab ${tab}`);
  if (o.view !== undefined && o.view !== 'plan') throw new InvalidArgumentError(`--view: expected plan, got ${o.view}`);
  return {
    file: program.args[0],
    sample: o.sample,
    screenshot: o.screenshot,
    screenshotWhen: when,
    select: o.select,
    tab,
    view: o.view === 'plan' ? 'plan' : undefined,
    storey: o.storey,
    quitAfterScreenshot: !o.keepRunning,
    quitAfter: o.quitAfter,
    cancelAfter: o.cancelAfter,
    openAfter: o.openAfter,
    engine,
    exercise: o.exercise,
    report: o.report,
    verbose: Boolean(o.verbose),
    compareWith: o.compareWith,
    checkIds: o.checkIds,
  };
}
