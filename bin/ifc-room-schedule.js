#!/usr/bin/env node
// The `ifc-room-schedule` command (`npm link`, and /usr/bin/ifc-room-schedule in the .deb): with no
// arguments, a model file or the app's own flags it opens the desktop app; with a subcommand
// (extract, plan, check, diff, help, …) it runs the command line. The chosen entry runs in this
// very process, so Ctrl-C and kill reach the app itself, not a wrapper.
// Each entry is the webpack bundle (dist/, from `npm run build`) when present, else the tsc build
// (out/, from `npm run compile`).
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const ENTRIES = {
  cli: [path.join(root, 'dist', 'cli.js'), path.join(root, 'out', 'src', 'cli', 'main.js')],
  app: [path.join(root, 'dist', 'main.js'), path.join(root, 'out', 'src', 'ui', 'main.js')],
};

function entry(kind) {
  const found = ENTRIES[kind].find((file) => fs.existsSync(file));
  if (found) return found;
  process.stderr.write(`ifc-room-schedule: the program is not built yet.\n  Run "npm run build" (or "npm run compile") in ${root}, then try again.\n`);
  process.exit(1);
}

/** A model to open rather than a command name: no subcommand has a dot-ifc name, a path separator,
 *  or names a file that exists (write ./extract to open a file called "extract"). */
function isModelArgument(arg) {
  if (/\.ifc(zip)?$/i.test(arg) || arg.includes('/')) return true;
  try {
    return fs.statSync(arg).isFile();
  } catch {
    return false;
  }
}

/** Which program the arguments ask for. Subcommands are not listed here: any other word goes to
 *  the command line, which runs it or names the nearest command for a typo. */
function route(args) {
  const first = args[0];
  if (first === undefined) return 'app';
  if (first === '-h' || first === '--help') return 'help';
  if (first === '-V' || first === '--version') return 'cli';
  if (first.startsWith('-')) return 'app'; // --screenshot, --no-sample, --verbose …
  return isModelArgument(first) ? 'app' : 'cli';
}

/** Both programs' own help, one after the other, so neither's options are written twice. */
function printHelp() {
  const run = (file, env) => execFileSync(process.execPath, [file, '--help'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  process.stdout.write(run(entry('cli')));
  // The app's help needs no window, but Qt loads with the app's code: offscreen needs no display.
  const app = run(entry('app'), { QT_QPA_PLATFORM: 'offscreen' });
  process.stdout.write(`\nWithout a command, it opens the desktop app:\n\n${app}`);
}

function hasDisplay() {
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.env.QT_QPA_PLATFORM);
}

const kind = route(process.argv.slice(2));
if (kind === 'help') {
  printHelp();
} else if (kind === 'app' && !hasDisplay()) {
  // Qt would abort (exit 134) with a message about platform plugins; say what is wrong instead.
  process.stderr.write('ifc-room-schedule: no display to open the window on (DISPLAY is not set).\n'
    + '  For the command line, run "ifc-room-schedule --help"; for a headless window, set QT_QPA_PLATFORM=offscreen.\n');
  process.exitCode = 1;
} else {
  require(entry(kind));
}
