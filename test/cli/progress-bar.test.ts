import { ProgressBar } from '../../src/cli/progress-bar';
import { useLeakCheck } from '../support/leak-check';

type FakeStream = NodeJS.WriteStream & { text: string; firstWriteAt: number | undefined };

function fakeStream(isTTY: boolean): FakeStream {
  const s = {
    isTTY,
    columns: 100,
    text: '',
    firstWriteAt: undefined as number | undefined,
    write(chunk: string) {
      s.firstWriteAt ??= Date.now();
      s.text += chunk;
      return true;
    },
  };
  return s as unknown as FakeStream;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the CLI progress bar', () => {
  useLeakCheck();

  it('on a terminal, appears only once a file takes longer than the delay, and clears its line when done', async () => {
    const stream = fakeStream(true);
    const createdAt = Date.now();
    const bar = new ProgressBar(stream, 'MultiZoneBuilding.ifc', { delayMs: 100, redrawMs: 10 });
    try {
      bar.update({ phase: 'boundaries', message: 'Reading space boundaries', fraction: 0.5 });
      while (stream.firstWriteAt === undefined && Date.now() - createdAt < 5000) await sleep(5);
      expect(stream.firstWriteAt! - createdAt).toBeGreaterThanOrEqual(100);
      expect(stream.text).toContain('MultiZoneBuilding.ifc [############------------]  50%');
      expect(stream.text).toContain('Reading space boundaries');
    } finally {
      bar.dispose();
    }
    expect(stream.text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('a fast file never draws anything', async () => {
    const stream = fakeStream(true);
    const bar = new ProgressBar(stream, 'OneZone.ifc', { delayMs: 1000 });
    bar.update({ phase: 'parse', message: 'Parsing', fraction: 0.2 });
    bar.dispose();
    await sleep(20);
    expect(stream.text).toBe('');
  });

  it('in a pipe, draws nothing, or one line per phase with --verbose', async () => {
    const quiet = fakeStream(false);
    const verbose = fakeStream(false);
    const bars = [new ProgressBar(quiet, 'a.ifc', { delayMs: 0, redrawMs: 5 }), new ProgressBar(verbose, 'a.ifc', { delayMs: 0, redrawMs: 5, phaseLines: true })];
    for (const bar of bars) {
      bar.update({ phase: 'parse', message: 'Parsing a.ifc', fraction: 0.1 });
      bar.update({ phase: 'parse', message: 'Parsing a.ifc', fraction: 0.2 });
      bar.update({ phase: 'spaces', message: 'Reading 13 spaces', fraction: 0.5 });
    }
    await sleep(30);
    bars.forEach((b) => b.dispose());
    expect(quiet.text).toBe('');
    expect(verbose.text).toBe('a.ifc: Parsing a.ifc\na.ifc: Reading 13 spaces\n');
  });
});
