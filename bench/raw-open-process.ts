// The reference of the end-to-end CLI figures: web-ifc as any user would call it, in a process of
// its own (Init, read the file, OpenModel, count the spaces), timed from process start to exit.
//   node out/bench/raw-open-process.js <file.ifc>
import * as fs from 'fs';
import * as WebIFC from 'web-ifc';

async function main(): Promise<void> {
  const file = process.argv[2];
  const api = new WebIFC.IfcAPI();
  await api.Init(undefined, true);
  api.SetLogLevel(WebIFC.LogLevel.LOG_LEVEL_OFF);
  const bytes = fs.readFileSync(file);
  const modelId = api.OpenModel(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { COORDINATE_TO_ORIGIN: false });
  if (modelId < 0) throw new Error(`web-ifc could not open ${file}`);
  process.stdout.write(`${JSON.stringify({ spaces: api.GetLineIDsWithType(modelId, WebIFC.IFCSPACE).size() })}\n`);
  api.CloseModel(modelId);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
