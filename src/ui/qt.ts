// The one door to NodeGui for the UI layer: loads the qode shim first, then re-exports NodeGui.
// Import widgets from here, never from '@nodegui/nodegui' directly.
import './runtime/load-shim';

export * from '@nodegui/nodegui';
