#!/usr/bin/env node
// Compiles build/qode_shim.node with the system C++ compiler against Node's own headers (~1 s).
// No node-gyp: node-gyp would try to download headers, which this network cannot reach.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const nodeDir = process.env.npm_config_nodedir || path.resolve(process.execPath, '..', '..');
const includeDir = path.join(nodeDir, 'include', 'node');
if (!fs.existsSync(path.join(includeDir, 'node_api.h'))) {
  console.error(`qode-shim: Node's headers were not found in ${includeDir}; set npm_config_nodedir to a Node install that has include/node.`);
  process.exit(1);
}
const source = path.join(__dirname, 'src', 'qode_shim.cc');
const out = path.join(__dirname, 'build', 'qode_shim.node');
if (fs.existsSync(out) && fs.statSync(out).mtimeMs > fs.statSync(source).mtimeMs && !process.env.QODE_SHIM_FORCE_BUILD) {
  console.log(`qode-shim: up to date (${out})`);
  process.exit(0);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
const t0 = Date.now();
execFileSync(process.env.CXX || 'g++', ['-O2', '-std=c++17', '-Wall', '-shared', '-fPIC', `-I${includeDir}`,
  source, '-o', out, '-ldl'], { stdio: 'inherit' });
console.log(`qode-shim: built ${out} in ${Date.now() - t0} ms`);
