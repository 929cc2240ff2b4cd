// "Never loses their notes": a process saving notes in a tight loop is SIGKILLed at random moments,
// again and again, and restarted each time, as if the app were killed mid-save. After every kill the
// notes file must read back as exactly one complete save (the one before, or one the killed process
// finished), never empty, torn or mixed; leftover temp files must never be mistaken for the notes.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { annotationFilePath, loadAnnotations } from '../../src/platform/annotation-file';
import { NOTE_KEYS, NoteStamp, parseNote } from '../fixtures/processes/annotation-notes';
import { SeededRandom, seedFromEnv } from '../fuzz/seeded-random';

const WRITER = path.join(__dirname, '..', 'fixtures', 'processes', 'annotation-writer.js');
const KILLS = Number(process.env.CRASH_KILLS ?? 40);
const SEED = seedFromEnv('CRASH_SEED', 20240611);
const SHA = 'c0ffee'.repeat(10) + 'abcd';

interface Writer {
  child: ChildProcess;
  output: () => string;
  waitFor(text: string, timeoutMs: number): Promise<boolean>;
  exited: Promise<NodeJS.Signals | number | null>;
}

function startWriter(dataDir: string, run: number): Writer {
  const child = spawn(process.execPath, [WRITER, dataDir, SHA, String(run)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const onData = (d: Buffer) => (out += d.toString());
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return {
    child,
    output: () => out,
    exited,
    async waitFor(text, timeoutMs) {
      const until = Date.now() + timeoutMs;
      while (!out.includes(text) && Date.now() < until && child.exitCode === null) await new Promise((r) => setTimeout(r, 2));
      return out.includes(text);
    },
  };
}

/** Reads the notes as the app does on start and checks they are one whole save; returns its stamp. */
function readOneWholeSave(dataDir: string): NoteStamp | undefined {
  const loaded = loadAnnotations(dataDir, SHA);
  expect(loaded.warning).toBeUndefined();
  const texts = NOTE_KEYS.map(([target, key]) => loaded.annotations[target].get(key));
  if (texts.every((t) => t === undefined)) return undefined; // killed before the first save finished
  const stamps = texts.map((t) => (t === undefined ? undefined : parseNote(t)));
  for (const s of stamps) expect(s).toBeDefined();
  // All keys from the same write: a file mixing two saves would be a torn document.
  expect(new Set(stamps.map((s) => `${s!.run}/${s!.write}`)).size).toBe(1);
  return stamps[0];
}

const after = (a: NoteStamp | undefined, b: NoteStamp | undefined) => !b || (a !== undefined && (a.run > b.run || (a.run === b.run && a.write >= b.write)));

test(`SIGKILL at ${KILLS} random moments while notes are being saved: the file always holds one whole save, old or new`, async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifc-rs-crash-'));
  const random = new SeededRandom(SEED);
  const notesDir = path.dirname(annotationFilePath(dataDir, SHA));
  let previous: NoteStamp | undefined;
  let killsMidWriting = 0;
  const seenWrites = new Set<string>();
  let writer: Writer | undefined;
  try {
    for (let run = 1; run <= KILLS; run++) {
      writer = startWriter(dataDir, run);
      // A third of the kills land during start-up (loading the notes), the rest while saving.
      const whileSaving = random.chance(2 / 3);
      if (whileSaving) {
        const writing = await writer.waitFor('writing\n', 10_000);
        expect({ run, writing, output: writer.output() }).toMatchObject({ writing: true });
        await new Promise((r) => setTimeout(r, random.int(0, 120)));
      } else {
        await new Promise((r) => setTimeout(r, random.int(20, 90)));
      }
      writer.child.kill('SIGKILL');
      expect(await writer.exited).toBe('SIGKILL');
      if (whileSaving) killsMidWriting++;

      // The restart: what the next app start reads must be a whole save, not older than before the kill.
      const now = readOneWholeSave(dataDir);
      expect({ run, now, previous, newerOrSame: after(now, previous) }).toMatchObject({ newerOrSame: true });
      // Only this run or an earlier one can have written it.
      if (now) expect(now.run).toBeLessThanOrEqual(run);
      // The killed writer read the same notes when it started (unless it was killed before it could).
      const loadedLine = /^loaded (.*)$/m.exec(writer.output());
      if (loadedLine) expect(JSON.parse(loadedLine[1])).toEqual({ stamp: previous ?? null, warning: null });
      if (now) seenWrites.add(`${now.run}/${now.write}`);
      previous = now;
    }

    // No file was ever set aside as damaged, and the real file is never a temp file.
    const names = fs.readdirSync(notesDir);
    expect(names.filter((n) => n.includes('.damaged-'))).toEqual([]);
    expect(names).toContain(`${SHA}.json`);
    // Temp files of killed writers are recognisable as such and are cleaned once stale.
    const temps = names.filter((n) => n.endsWith('.partial'));
    for (const t of temps) expect(t).toMatch(new RegExp(`^\\.${SHA}\\.json\\.\\d+-[0-9a-z]+-[0-9a-z]+\\.partial$`));
    const stale = new Date(Date.now() - 5 * 60_000);
    for (const t of temps) fs.utimesSync(path.join(notesDir, t), stale, stale);
    const last = readOneWholeSave(dataDir);
    expect(last).toEqual(previous);
    expect(fs.readdirSync(notesDir).filter((n) => n.endsWith('.partial'))).toEqual([]);

    // The kills really did land while saving, and saving made progress between them.
    expect(killsMidWriting).toBeGreaterThanOrEqual(KILLS / 2);
    expect(seenWrites.size).toBeGreaterThanOrEqual(KILLS / 4);
    process.stdout.write(`crash-safety: ${KILLS} kills (${killsMidWriting} while saving), ${seenWrites.size} distinct saves read back, ${temps.length} temp files left by killed writers, seed ${SEED}\n`);
  } finally {
    if (writer && writer.child.exitCode === null && writer.child.signalCode === null) {
      writer.child.kill('SIGKILL');
      await writer.exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);
