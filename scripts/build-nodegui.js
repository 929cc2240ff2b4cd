#!/usr/bin/env node
// postinstall: provides node_modules/@nodegui/nodegui/build/Release/nodegui_core.node.
// NodeGui's own install would download Qt and a prebuilt addon from sites this network cannot
// reach; .npmrc makes it skip that, and this script restores the addon from a cache outside the
// repo, or compiles it against Debian's Qt 6 once (6-15 min on 2 cores) and fills the cache.
// The cache key holds NodeGui's, Qt's and Node's versions and the platform.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const qtDir = process.env.QT_INSTALL_DIR || '/usr';
const ngDir = path.dirname(require.resolve('@nodegui/nodegui/package.json'));
const ngVersion = require(path.join(ngDir, 'package.json')).version;
const out = path.join(ngDir, 'build', 'Release', 'nodegui_core.node');
const force = Boolean(process.env.NODEGUI_FORCE_BUILD);

function qtVersion() {
  const multiarch = { x64: 'x86_64', arm64: 'aarch64' }[os.arch()] || os.arch();
  const candidates = [path.join(qtDir, 'lib', 'cmake', 'Qt6Core'), `/usr/lib/${multiarch}-linux-gnu/cmake/Qt6Core`];
  for (const dir of candidates) {
    try {
      const text = fs.readFileSync(path.join(dir, 'Qt6CoreConfigVersionImpl.cmake'), 'utf8');
      const m = /set\(PACKAGE_VERSION "([^"]+)"\)/.exec(text);
      if (m) return m[1];
    } catch { /* try the next place */ }
  }
  console.error('nodegui_core: Qt 6 was not found. Run ./setup.sh (or apt-get install qt6-base-dev qt6-svg-dev), or set QT_INSTALL_DIR.');
  process.exit(1);
}

const key = `nodegui-${ngVersion}_qt-${qtVersion()}_node-${process.versions.node.split('.')[0]}_${process.platform}-${process.arch}`;
const cacheRoot = process.env.NODEGUI_CORE_CACHE
  || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'ifc-room-schedule', 'nodegui-core');
const cached = path.join(cacheRoot, key, 'nodegui_core.node');

function copyAtomically(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const tmp = `${to}.${process.pid}.tmp`;
  fs.copyFileSync(from, tmp);
  fs.renameSync(tmp, to);
}

if (fs.existsSync(out) && !force) {
  console.log(`nodegui_core: present (${out})`);
} else if (fs.existsSync(cached) && !force) {
  copyAtomically(cached, out);
  console.log(`nodegui_core: restored from cache ${cached}`);
} else {
  const jobs = String(process.env.CMAKE_BUILD_PARALLEL_LEVEL || os.cpus().length + 1);
  console.log(`nodegui_core: compiling ${key} with ${jobs} jobs; this takes 6-15 min on 2 cores, once (then cached in ${cacheRoot})`);
  const t0 = Date.now();
  const cmakeJs = require.resolve('cmake-js/bin/cmake-js', { paths: [ngDir] });
  execFileSync(process.execPath, [cmakeJs, 'compile'], {
    cwd: ngDir,
    stdio: 'inherit',
    env: { ...process.env, QT_INSTALL_DIR: qtDir, CMAKE_BUILD_PARALLEL_LEVEL: jobs },
  });
  copyAtomically(out, cached);
  console.log(`nodegui_core: built in ${Math.round((Date.now() - t0) / 1000)} s, cached at ${cached}`);
}
