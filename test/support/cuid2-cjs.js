// CommonJS stand-in for the ESM-only @paralleldrive/cuid2 that NodeGui imports (jest cannot load ESM
// from CommonJS without experimental flags). NodeGui only calls createId().
const crypto = require('crypto');
const createId = () => 'c' + crypto.randomBytes(12).toString('hex');
module.exports = { createId, init: () => createId, isCuid: (s) => typeof s === 'string', getConstants: () => ({}) };
