#!/usr/bin/env node
// Launcher for `npx ifc-room-schedule …`: the bundled CLI (dist/cli.js, from `npm run build`) when
// present, else the tsc build (out/src/cli/main.js, from `npm run compile`). Both run on load.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const candidates = [path.join(root, 'dist', 'cli.js'), path.join(root, 'out', 'src', 'cli', 'main.js')];
const entry = candidates.find((file) => fs.existsSync(file));
if (!entry) {
  process.stderr.write('ifc-room-schedule: the program is not built yet.\n  Run "npm run build" (or "npm run compile") in ' + root + ', then try again.\n');
  process.exitCode = 1;
} else {
  require(entry);
}
