'use strict';
// What @nodegui/nodegui asks of @nodegui/qode (qodePath), plus load() for the shim itself.
const os = require('os');
const path = require('path');

let native = null;
/** Loads the shim once per process. RTLD_GLOBAL: nodegui_core.node, loaded afterwards, resolves
 *  qode::qode_argc / qode_argv / InjectCustomRunLoop from it. */
function load() {
  if (native) return native;
  const mod = { exports: {} };
  process.dlopen(mod, path.join(__dirname, 'build', 'qode_shim.node'),
    os.constants.dlopen.RTLD_NOW | os.constants.dlopen.RTLD_GLOBAL);
  native = mod.exports;
  return native;
}
module.exports = { qodePath: process.execPath, load };
