// Jest runs the compiled tests (tsc -b writes out/), so worker threads load real .js entry files
// exactly as the app does. QT_QPA_PLATFORM is set here, in jest's parent process, because Qt reads
// it once per process: headless by default, the real X platform under xvfb-run.
if (!process.env.DISPLAY && !process.env.QT_QPA_PLATFORM) process.env.QT_QPA_PLATFORM = 'offscreen';
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/out/test'],
  testMatch: ['**/*.test.js'],
  // NodeGui imports the ESM-only @paralleldrive/cuid2; jest's CommonJS loader needs a stand-in.
  moduleNameMapper: { '^@paralleldrive/cuid2$': '<rootDir>/test/support/cuid2-cjs.js' },
  testTimeout: 60000,
  // Two cores: one worker per core; UI and IFC suites spawn their own threads and processes.
  maxWorkers: 2,
};
