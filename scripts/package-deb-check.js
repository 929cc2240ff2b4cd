#!/usr/bin/env node
// CI's story for the .deb (after `npm test` and `npm run package`): a user installs it with apt, runs
// the installed command on a model, opens the window (offscreen) and screenshots it, interrupts a
// long extraction with SIGINT, then purges the package and finds nothing of it left. Changes the
// system (installs and removes a package), so it runs only as root, where dpkg and apt-get exist.
'use strict';
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const PKG = require(path.join(ROOT, 'package.json'));
const NAME = PKG.name;
const COMMAND = `/usr/bin/${NAME}`;
const REAL = path.join(ROOT, 'test', 'fixtures', 'ifc', 'real');
const started = Date.now();
let checks = 0;

function sh(cmd, args, options = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

function check(what, ok, detail = '') {
  if (!ok) throw new Error(`package-deb-check: FAILED: ${what}${detail ? `\n${detail}` : ''}`);
  checks++;
  process.stdout.write(`package-deb-check: ok: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

function installedVersion() {
  try {
    const status = sh('dpkg-query', ['-W', '-f=${Status} ${Version}', NAME]);
    return status.startsWith('install ok installed') ? status.split(' ').pop() : undefined;
  } catch {
    return undefined;
  }
}

/** dpkg's two-letter status (ii installed, rc config files left, pn purged), or "not known". */
function dpkgStatus() {
  try {
    return sh('dpkg-query', ['-W', '-f=${db:Status-Abbrev}', NAME]).trim();
  } catch {
    return 'not known';
  }
}

/** Spaces in a model as the fixture MANIFEST records them (counted by other tools, not this app). */
function manifestSpaces(file) {
  const rows = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'ifc', 'MANIFEST.tsv'), 'utf8').split('\n').map((l) => l.split('\t'));
  const column = rows[0].indexOf('ifcspace_count');
  const row = rows.find((r) => r[0] === file);
  if (!row) throw new Error(`package-deb-check: ${file} is not in MANIFEST.tsv`);
  return Number(row[column]);
}

/** Runs the installed command as a user would: own home, own working folder, nothing from the repo on the path. */
function runInstalled(args, { cwd, home, env = {}, onStart } = {}) {
  return new Promise((resolve) => {
    const child = spawn(COMMAND, args, { cwd, env: { PATH: '/usr/bin:/bin', HOME: home, IFC_RS_HOME: home, LANG: 'C.UTF-8', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const kill = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (code, signal) => {
      clearTimeout(kill);
      resolve({ code, signal, stdout, stderr });
    });
    if (onStart) onStart(child, () => stderr);
  });
}

function waitFor(predicate, timeoutMs) {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const poll = setInterval(() => {
      if (predicate()) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - t0 > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`package-deb-check: timed out after ${timeoutMs} ms`));
      }
    }, 50);
  });
}

function purge() {
  sh('apt-get', ['purge', '-y', NAME], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

async function main() {
  const deb = path.join(ROOT, 'out', 'deb', `${NAME}_${PKG.version}_${sh('dpkg', ['--print-architecture']).trim()}.deb`);
  check(`the package was built: ${path.relative(ROOT, deb)}`, fs.existsSync(deb), 'run "npm run package" first');
  if (installedVersion()) purge(); // left by an interrupted earlier run
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'deb-check-'));
  const home = path.join(work, 'home');
  fs.mkdirSync(home);
  try {
    sh('apt-get', ['install', '-y', '--no-install-recommends', deb], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    check(`apt-get install installed ${NAME} ${PKG.version}`, installedVersion() === PKG.version);
    const files = sh('dpkg', ['-L', NAME]).trim().split('\n');
    for (const f of [COMMAND, `/usr/share/applications/${NAME}.desktop`, `/usr/share/mime/packages/${NAME}.xml`,
      `/usr/share/icons/hicolor/scalable/apps/${NAME}.svg`, `/usr/share/icons/hicolor/48x48/apps/${NAME}.png`,
      `/usr/share/man/man1/${NAME}.1.gz`, `/opt/${NAME}/node_modules/@nodegui/nodegui/build/Release/nodegui_core.node`]) {
      check(`the package holds ${f}`, files.includes(f) && fs.existsSync(f));
    }
    // shared-mime-info's trigger ran: file managers now know .ifc and .ifczip.
    check('the MIME database knows application/x-ifc and application/x-ifczip',
      fs.existsSync('/usr/share/mime/application/x-ifc.xml') && fs.existsSync('/usr/share/mime/application/x-ifczip.xml'));

    const help = await runInstalled(['--help'], { cwd: work, home });
    check('--help lists the commands and the desktop app\'s options', help.code === 0 && /Commands:\n\s+extract/.test(help.stdout) && help.stdout.includes('--screenshot'), help.stdout + help.stderr);

    const extract = await runInstalled(['extract', path.join(REAL, 'TwoZones.ifc'), '-o', 'two.json', '-q'], { cwd: work, home });
    const doc = extract.code === 0 && fs.existsSync(path.join(work, 'two.json')) ? JSON.parse(fs.readFileSync(path.join(work, 'two.json'), 'utf8')) : undefined;
    check(`ifc-room-schedule extract TwoZones.ifc writes its ${manifestSpaces('TwoZones.ifc')} rooms as JSON`,
      doc !== undefined && doc.spaces.length === manifestSpaces('TwoZones.ifc'), `exit ${extract.code}\n${extract.stderr}`);

    const shot = path.join(work, 'window.png');
    const gui = await runInstalled([path.join(REAL, 'MultiZoneBuilding.ifc'), '--screenshot', shot, '--verbose'], { cwd: work, home, env: { QT_QPA_PLATFORM: 'offscreen' } });
    check('the GUI opens MultiZoneBuilding.ifc offscreen, screenshots its window and exits 0',
      gui.code === 0 && (gui.stdout + gui.stderr).includes('window title "MultiZoneBuilding.ifc — IFC Room Schedule"') && fs.existsSync(shot) && fs.statSync(shot).size > 20_000,
      `exit ${gui.code} ${gui.signal ?? ''}\n${gui.stdout.slice(-2000)}\n${gui.stderr.slice(-2000)}`);
    fs.copyFileSync(shot, path.join(ROOT, 'out', 'deb', 'installed-window.png'));

    // A long extraction: ~40 MB built from MultiZoneBuilding.ifc (cached in bench/.cache by the CLI tests).
    const { generateLargeModel } = require(path.join(ROOT, 'out', 'bench', 'model-generator.js'));
    const big = await generateLargeModel({ sample: path.join(REAL, 'MultiZoneBuilding.ifc'), targetMb: 40 });
    const outDir = path.join(work, 'exports');
    fs.mkdirSync(outDir);
    let commandWas = '';
    const interrupted = await runInstalled(['extract', big.path, '--format', 'xlsx', '-o', path.join(outDir, 'big.xlsx'), '--verbose'], {
      cwd: work, home,
      onStart: (child, stderr) => {
        waitFor(() => stderr().includes(`${path.basename(big.path)}: Indexing`), 60_000).then(() => {
          // The launcher exec'd node: the pid the supervisor holds is the app itself.
          commandWas = fs.readFileSync(`/proc/${child.pid}/comm`, 'utf8').trim();
          process.kill(child.pid, 'SIGINT');
        }, () => child.kill('SIGKILL'));
      },
    });
    check('the installed command is node itself (exec), so signals reach the app', commandWas === 'node', `comm was "${commandWas}"`);
    check('SIGINT during a long extraction: exit 130, no output left behind',
      interrupted.code === 130 && interrupted.signal === null && fs.readdirSync(outDir).length === 0,
      `exit ${interrupted.code} ${interrupted.signal ?? ''}, left: ${fs.readdirSync(outDir).join(', ')}\n${interrupted.stderr.slice(-1500)}`);

    purge();
    check(`apt-get purge removed ${NAME}, configuration included`, dpkgStatus() === 'not known' || dpkgStatus().startsWith('pn'), dpkgStatus());
    const left = files.filter((f) => f !== '/.' && fs.existsSync(f) && !(fs.statSync(f).isDirectory() && !f.includes(NAME)));
    check('nothing of the package remains (its files, /opt/ifc-room-schedule, its MIME types)',
      left.length === 0 && !fs.existsSync(`/opt/${NAME}`) && !fs.existsSync('/usr/share/mime/application/x-ifc.xml'), left.slice(0, 20).join('\n'));
  } finally {
    if (installedVersion()) purge();
    fs.rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`package-deb-check: all ${checks} checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
});
