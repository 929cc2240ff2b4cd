#!/usr/bin/env node
// `npm run package`: builds out/deb/ifc-room-schedule_<version>_<arch>.deb with dpkg-deb, offline,
// from what is already here: the webpack bundle (dist/), the production node_modules it loads
// (NodeGui's compiled addon and the qode shim included), the assets, and the desktop files in
// packaging/. Qt and Node come from Debian packages named in Depends, never bundled.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.join(__dirname, '..');
const PKG = require(path.join(ROOT, 'package.json'));
const NAME = PKG.name;
const PREFIX = `opt/${NAME}`;
const OUT = path.join(ROOT, 'out', 'deb');
const STAGE = path.join(OUT, 'root');
/** Sizes a desktop picks from (hicolor theme); scalable/ holds the SVG itself. */
const ICON_SIZES = [16, 22, 24, 32, 48, 64, 128, 256, 512];
/** NodeGui declares the tools of its own installer (Qt download, cmake-js compile) as dependencies.
 *  Its dist/ requires none of them at run time, only memoize-one, postcss,
 *  postcss-nodegui-autoprefixer and @paralleldrive/cuid2; the installed-package test runs the GUI. */
const INSTALL_TIME_ONLY = new Set(['@nodegui/artifact-installer', 'cmake-js', 'cross-env', 'manage-path', 'mkdirp', 'node-addon-api', 'tar']);
/** Files of a package that the app needs, where the package ships much more (sources, build tree). */
const KEEP_ONLY = {
  '@nodegui/nodegui': ['package.json', 'LICENSE', 'dist', 'build/Release/nodegui_core.node'],
  '@nodegui/qode': ['package.json', 'index.js', 'build/qode_shim.node'],
};
const MAINTAINER = process.env.DEBFULLNAME && process.env.DEBEMAIL
  ? `${process.env.DEBFULLNAME} <${process.env.DEBEMAIL}>`
  : 'IFC Room Schedule maintainers <ifc-room-schedule@users.noreply.github.com>';

function run(cmd, args, options = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...options });
}

function need(tool, debianPackage) {
  try {
    run('sh', ['-c', `command -v ${tool}`]);
  } catch {
    throw new Error(`package-deb: ${tool} is missing; apt-get install ${debianPackage} (scripts/setup-system.sh installs it)`);
  }
}

function write(rel, content, mode = 0o644) {
  const file = path.join(STAGE, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content, { mode });
  fs.chmodSync(file, mode);
}

function copy(from, rel, filter = () => true) {
  fs.cpSync(from, path.join(STAGE, rel), { recursive: true, dereference: true, filter });
}

// --- the production node_modules: the closure of package.json's dependencies, resolved as Node does

function packageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === ROOT || path.dirname(dir) === dir) return undefined;
  }
}

/** Package folders (absolute) the app loads at run time, from the root's dependencies down. */
function runtimePackages() {
  const found = new Map();
  const visit = (name, fromDir, optional) => {
    const dir = packageDir(name, fromDir);
    if (!dir) {
      if (optional) return;
      throw new Error(`package-deb: dependency ${name} (needed from ${path.relative(ROOT, fromDir) || 'the app'}) is not installed; run npm ci`);
    }
    const real = fs.realpathSync(dir);
    if (found.has(dir)) return;
    found.set(dir, real);
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    for (const dep of Object.keys(meta.dependencies ?? {})) {
      if (meta.name === '@nodegui/nodegui' && INSTALL_TIME_ONLY.has(dep)) continue;
      visit(dep, dir, false);
    }
    for (const dep of Object.keys(meta.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  for (const dep of Object.keys(PKG.dependencies)) visit(dep, ROOT, false);
  return found;
}

function copyNodeModules() {
  const licenses = [];
  for (const [dir, real] of runtimePackages()) {
    const rel = path.relative(ROOT, dir);
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    licenses.push(`${meta.name} ${meta.version}: ${typeof meta.license === 'string' ? meta.license : JSON.stringify(meta.license ?? 'see its files')}`);
    const keep = KEEP_ONLY[meta.name];
    const nested = path.join(real, 'node_modules');
    copy(real, path.join(PREFIX, rel), (src) => {
      // Nested node_modules are visited as packages of their own (only the ones in use are copied).
      if (src === nested || src.startsWith(nested + path.sep)) return false;
      if (/\.(map|d\.ts|d\.mts|d\.cts)$/.test(src)) return false;
      // Dotfiles are the package's own tooling (.eslintrc, .npmignore, .gitattributes, .github/).
      if (src !== real && path.basename(src).startsWith('.')) return false;
      // Documentation is never loaded (LICENSE files stay: each package's license ships with it).
      if (/^(readme|changelog|history|changes)(\.(md|markdown|txt))?$/i.test(path.basename(src))) return false;
      if (!keep || src === real) return true;
      const inner = path.relative(real, src);
      return keep.some((k) => k === inner || k.startsWith(inner + '/') || inner.startsWith(k + '/'));
    });
  }
  return licenses.sort();
}

// --- desktop integration

function renderIcons() {
  const svg = path.join(ROOT, 'packaging', `${NAME}.svg`);
  copy(svg, `usr/share/icons/hicolor/scalable/apps/${NAME}.svg`);
  for (const size of ICON_SIZES) {
    const rel = `usr/share/icons/hicolor/${size}x${size}/apps/${NAME}.png`;
    fs.mkdirSync(path.dirname(path.join(STAGE, rel)), { recursive: true });
    run('rsvg-convert', ['-w', String(size), '-h', String(size), svg, '-o', path.join(STAGE, rel)]);
  }
}

/** roff for text that came from --help: backslashes escaped, no line read as a request. */
function roffText(text) {
  return text.replace(/\\/g, '\\e').replace(/[^\x00-\x7f]/gu, (c) => `\\[u${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}]`).split('\n').map((line) => (/^[.']/.test(line) ? `\\&${line}` : line)).join('\n');
}

/** The man page, from the programs' own --help (one source for the options): the overview, then
 *  each subcommand's help, then the desktop app's. */
function manPage(date) {
  const launcher = path.join(ROOT, 'bin', `${NAME}.js`);
  const cli = path.join(ROOT, 'dist', 'cli.js');
  const help = (file, args) => run(process.execPath, [file, ...args], { env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' }, stdio: ['ignore', 'pipe', 'ignore'] });
  const overview = help(cli, ['--help']);
  const commandBlock = /\nCommands:\n([\s\S]*?)(\n\S|$)/.exec(overview);
  if (!commandBlock) throw new Error('package-deb: the CLI help lists no "Commands:"; the man page needs them');
  const commands = [...commandBlock[1].matchAll(/^ {2}(\w[\w-]*)/gm)].map((m) => m[1]).filter((c) => c !== 'help');
  const app = help(launcher, ['--help']).split('\nWithout a command, it opens the desktop app:\n')[1];
  if (!app) throw new Error('package-deb: bin/ifc-room-schedule.js --help did not print the desktop app\'s help');
  const section = (title, body) => `.SH ${title}\n.nf\n${roffText(body.trim())}\n.fi\n`;
  return [
    `.TH ${NAME.toUpperCase()} 1 "${date}" "${NAME} ${PKG.version}" "User Commands"`,
    '.SH NAME',
    `${NAME} \\- ${PKG.description.split(':')[0]}`,
    '.SH SYNOPSIS',
    `.B ${NAME}\n[\\fIoptions\\fR] [\\fIfile.ifc\\fR|\\fIfile.ifczip\\fR]`,
    '.br',
    `.B ${NAME}\n\\fIcommand\\fR [\\fIoptions\\fR] \\fIargs\\fR...`,
    '.SH DESCRIPTION',
    roffText(PKG.description),
    '.PP',
    `With no arguments, a model file or only the desktop app's options, ${NAME} opens the desktop app.`,
    `With a command (${commands.join(', ')}) it runs on the command line; Ctrl-C cancels the running step and exits with status 130.`,
    section('COMMAND LINE', overview),
    ...commands.map((c) => section(`COMMAND: ${c.toUpperCase()}`, help(cli, ['help', c]))),
    section('DESKTOP APP', app),
    '.SH FILES',
    '.TP\n.I ~/.local/state/ifc-room-schedule/\nlog files (XDG_STATE_HOME)',
    '.TP\n.I ~/.local/share/ifc-room-schedule/\nnotes on rooms and surfaces, per model (XDG_DATA_HOME)',
    '.TP\n.I ~/.cache/ifc-room-schedule/\ncaches, safe to delete (XDG_CACHE_HOME)',
    '',
  ].join('\n');
}

function gzip(text) {
  // -n equivalent: no name or time in the header, so the same input gives the same file.
  return zlib.gzipSync(Buffer.from(text), { level: 9 });
}

function changelog(date) {
  return `${NAME} (${PKG.version}) unstable; urgency=medium\n\n  * Release ${PKG.version}.\n\n -- ${MAINTAINER}  ${date}\n`;
}

const MIT_TEXT = [
  'Permission is hereby granted, free of charge, to any person obtaining a copy of this software and',
  'associated documentation files (the "Software"), to deal in the Software without restriction,',
  'including without limitation the rights to use, copy, modify, merge, publish, distribute,',
  'sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is',
  'furnished to do so, subject to the following conditions:',
  '',
  'The above copyright notice and this permission notice shall be included in all copies or',
  'substantial portions of the Software.',
  '',
  'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT',
  'NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND',
  'NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,',
  'DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT',
  'OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.',
];

const BSD_3_CLAUSE_TEXT = [
  'Redistribution and use in source and binary forms, with or without modification, are permitted',
  'provided that the following conditions are met:',
  '1. Redistributions of source code must retain the above copyright notice, this list of conditions',
  'and the following disclaimer.',
  '2. Redistributions in binary form must reproduce the above copyright notice, this list of',
  'conditions and the following disclaimer in the documentation and/or other materials provided with',
  'the distribution.',
  '3. Neither the name of the copyright holder nor the names of its contributors may be used to',
  'endorse or promote products derived from this software without specific prior written permission.',
  '',
  'THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR',
  'IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND',
  'FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR',
  'CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL',
  'DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,',
  'DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER',
  'IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT',
  'OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.',
];

/** A license text as the continuation lines of a copyright-file paragraph. */
function licenseLines(text) {
  return text.map((line) => (line ? ` ${line}` : ' .'));
}

function copyright(licenses, year) {
  return [
    'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/',
    `Upstream-Name: ${NAME}`,
    '',
    'Files: *',
    `Copyright: ${year} IFC Room Schedule contributors`,
    `License: ${PKG.license}`,
    '',
    `Files: ${PREFIX}/assets/samples/*`,
    'Copyright: UdK-VPT/BIM2Modelica (MultiZoneBuilding.ifc, ArchiCAD 18)',
    'License: BSD-3-Clause',
    '',
    `Files: ${PREFIX}/node_modules/*`,
    'Copyright: the authors of each package, named in its package.json and LICENSE file',
    'License: various',
    ' Each package keeps its own LICENSE file. Packages and their licenses:',
    ...licenses.map((l) => ` ${l}`),
    '',
    'License: MIT',
    ...licenseLines(MIT_TEXT),
    '',
    'License: BSD-3-Clause',
    ...licenseLines(BSD_3_CLAUSE_TEXT),
    '',
  ].join('\n');
}

// --- control

/** What the native addons link, as Debian package names with versions (dpkg-shlibdeps reads the
 *  shlibs files of the installed Qt 6 and libc packages). */
function sharedLibraryDepends() {
  const work = path.join(OUT, 'shlibdeps');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(path.join(work, 'debian'), { recursive: true });
  fs.writeFileSync(path.join(work, 'debian', 'control'), `Source: ${NAME}\n\nPackage: ${NAME}\nArchitecture: any\n`);
  const objects = run('find', [STAGE, '-name', '*.node', '-type', 'f']).trim().split('\n').filter(Boolean);
  // It warns about the N-API symbols, which node itself provides, and about analysing outside an
  // installed tree; neither matters here, so its messages are shown only if it fails.
  const out = run('dpkg-shlibdeps', ['-O', ...objects.map((o) => `-e${o}`)], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  fs.rmSync(work, { recursive: true, force: true });
  const m = /^shlibs:Depends=(.*)$/m.exec(out);
  if (!m) throw new Error(`package-deb: dpkg-shlibdeps printed no shlibs:Depends:\n${out}`);
  return m[1];
}

function installedSizeKiB() {
  return Number(run('du', ['-sk', '--exclude=DEBIAN', STAGE]).split('\t')[0]);
}

function control(arch, depends) {
  const [summary] = PKG.description.split(':');
  return [
    `Package: ${NAME}`,
    `Version: ${PKG.version}`,
    `Architecture: ${arch}`,
    `Maintainer: ${MAINTAINER}`,
    `Installed-Size: ${installedSizeKiB()}`,
    `Depends: ${depends}`,
    'Recommends: fonts-dejavu-core',
    'Section: graphics',
    'Priority: optional',
    `Description: ${summary}`,
    ' Open an IFC building model (.ifc or .ifczip) and see every room with its',
    ' quantities, property sets, space boundaries and relationships; annotate rooms',
    ' and surfaces, and export a room schedule as JSON, CSV or XLSX. Long operations',
    ' run in worker threads with progress and a Cancel that answers at once.',
    ' .',
    ' The same engine runs on the command line (ifc-room-schedule extract, ...).',
    '',
  ].join('\n');
}

/** Files that start with #! (the launcher, dist/cli.js, packages' bin scripts). */
function scripts(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...scripts(file));
    else if (entry.isFile() && startsWithShebang(file)) found.push(file);
  }
  return found;
}

function startsWithShebang(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    return fs.readSync(fd, head, 0, 2, 0) === 2 && head.toString('latin1') === '#!';
  } finally {
    fs.closeSync(fd);
  }
}

function lastCommitTime() {
  try {
    return run('git', ['log', '-1', '--format=%ct'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined; // not a git checkout (a source tarball): the build time, then
  }
}

function main() {
  const t0 = Date.now();
  need('dpkg-deb', 'dpkg');
  need('dpkg-shlibdeps', 'dpkg-dev');
  need('rsvg-convert', 'librsvg2-bin');
  for (const f of ['main.js', 'cli.js', 'extraction-worker.js', 'export-worker.js']) {
    if (!fs.existsSync(path.join(ROOT, 'dist', f))) throw new Error(`package-deb: dist/${f} is missing; run "npm run build" first (npm run package does)`);
  }
  const arch = run('dpkg', ['--print-architecture']).trim();
  // Dates from the last commit, so two builds of one commit are the same package.
  const epoch = Number(process.env.SOURCE_DATE_EPOCH || lastCommitTime() || Math.floor(Date.now() / 1000));
  const date = new Date(epoch * 1000);
  fs.rmSync(STAGE, { recursive: true, force: true });
  fs.mkdirSync(STAGE, { recursive: true });

  // The app, laid out as in the repository so its code finds package.json, assets/ and dist/ the same way.
  write(`${PREFIX}/package.json`, JSON.stringify({ name: NAME, version: PKG.version, description: PKG.description, license: PKG.license, private: true, main: PKG.main }, null, 2) + '\n');
  copy(path.join(ROOT, 'dist'), `${PREFIX}/dist`, (src) => !src.endsWith('.map'));
  copy(path.join(ROOT, 'assets'), `${PREFIX}/assets`);
  copy(path.join(ROOT, 'bin', `${NAME}.js`), `${PREFIX}/bin/${NAME}.js`);
  const licenses = copyNodeModules();
  const objects = run('find', [path.join(STAGE, PREFIX), '-name', '*.node', '-type', 'f']).trim().split('\n');
  run('strip', ['--strip-unneeded', '--remove-section=.comment', '--remove-section=.note', ...objects]);

  copy(path.join(ROOT, 'packaging', `${NAME}.sh`), `usr/bin/${NAME}`);
  copy(path.join(ROOT, 'packaging', `${NAME}.desktop`), `usr/share/applications/${NAME}.desktop`);
  copy(path.join(ROOT, 'packaging', `${NAME}.xml`), `usr/share/mime/packages/${NAME}.xml`);
  renderIcons();
  const changelogDate = run('date', ['-R', '-u', '-d', `@${epoch}`]).trim();
  write(`usr/share/man/man1/${NAME}.1.gz`, gzip(manPage(date.toISOString().slice(0, 10))));
  write(`usr/share/doc/${NAME}/changelog.gz`, gzip(changelog(changelogDate)));
  write(`usr/share/doc/${NAME}/copyright`, copyright(licenses, date.getUTCFullYear()));

  // Owner root (dpkg-deb --root-owner-group), directories 755, files 644, programs 755.
  run('find', [STAGE, '-type', 'd', '-exec', 'chmod', '0755', '{}', '+']);
  run('find', [STAGE, '-type', 'f', '-exec', 'chmod', '0644', '{}', '+']);
  for (const script of scripts(STAGE)) fs.chmodSync(script, 0o755);

  run('find', [STAGE, '-mindepth', '1', '-type', 'd', '-empty', '-delete']);
  const depends = `nodejs (>= 20), ${sharedLibraryDepends()}`;
  write('DEBIAN/control', control(arch, depends));
  // md5sums lets `dpkg --verify` (debsums) check the installed files.
  const files = run('find', ['.', '-type', 'f', '!', '-path', './DEBIAN/*'], { cwd: STAGE }).trim().split('\n').map((f) => f.slice(2)).sort();
  write('DEBIAN/md5sums', run('md5sum', ['--', ...files], { cwd: STAGE, maxBuffer: 64 * 1024 * 1024 }));
  const deb = path.join(OUT, `${NAME}_${PKG.version}_${arch}.deb`);
  // xz at level 6 is dpkg's default; -T0-like threading is not offered, so it costs ~1 min here.
  run('dpkg-deb', ['--root-owner-group', '-Zxz', '--build', STAGE, deb], { env: { ...process.env, SOURCE_DATE_EPOCH: String(epoch) } });
  const size = fs.statSync(deb).size;
  process.stdout.write(`package-deb: ${path.relative(ROOT, deb)}: ${(size / 1e6).toFixed(1)} MB, installed ${(installedSizeKiB() / 1024).toFixed(0)} MiB, ${licenses.length} npm packages, in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  process.stdout.write(`package-deb: Depends: ${depends}\n`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
}
