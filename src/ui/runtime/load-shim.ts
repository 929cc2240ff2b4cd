// Must run before @nodegui/nodegui is loaded: nodegui_core.node imports qode::qode_argc/argv and
// InjectCustomRunLoop from the `qode` executable, which we replace with native/qode-shim loaded
// RTLD_GLOBAL. Every UI module imports NodeGui through ../qt.ts, which imports this file first.
import { load } from '@nodegui/qode';

export const qodeShim = load();
