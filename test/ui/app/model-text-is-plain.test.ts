// A room name is text, even when it is HTML. OneZone.ifc's only room renamed to an <img> of a
// 60 000-px image, with a heading and a link as its long name: Qt used to render them (the image
// blew the window up, and the screenshot with it). Now the app shows the characters as written.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Resvg } from '@resvg/resvg-js';
import { qtRuntime } from '../../../src/ui/runtime/qt-runtime';
import { openAndWait, withApp } from '../../support/app-in-process';
import { runApp } from '../../support/app-process';
import { realModel } from '../../support/fixtures';

afterAll(() => qtRuntime().stop());

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifc-rs-html-'));
const image = path.join(dir, 'wide.png');
fs.writeFileSync(image, new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="60000" height="40"><rect width="60000" height="40" fill="red"/></svg>').render().asPng());
const NAME = `<img src="${image}">`;
const LONG_NAME = '<h1>Spoofed</h1><a href="https://example.com">link</a>';
const hostile = path.join(dir, 'html-names.ifc');
fs.writeFileSync(hostile, fs.readFileSync(realModel('OneZone.ifc'), 'latin1').replace("#4552= IFCSPACE('3Rs1TvjeE4HQMq9185d0ad',#15,'01',$,$,#4513,#4549,\n'WOHNEN'", `#4552= IFCSPACE('3Rs1TvjeE4HQMq9185d0ad',#15,'${NAME}',$,$,#4513,#4549,\n'${LONG_NAME}'`), 'latin1');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const png = fs.readFileSync(file);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('text from the model is shown as text, not as HTML', () => {
  test('the real app, offscreen: a room named with an <img> of a 60 000-px image screenshots at the size of the plain model', async () => {
    const shots = { plain: path.join(dir, 'plain.png'), html: path.join(dir, 'html.png') };
    const plain = await runApp(['--select', '1', '--screenshot', shots.plain, realModel('OneZone.ifc')]);
    const html = await runApp(['--select', '1', '--screenshot', shots.html, hostile]);
    expect(plain.code).toBe(0);
    expect(html.code).toBe(0);
    expect(pngSize(shots.html)).toEqual(pngSize(shots.plain));
    expect(pngSize(shots.plain)[0]).toBeLessThan(4000);
  }, 120_000);

  test('in the window, the heading and the status bar hold the name and long name character for character', async () => {
    const seen = await withApp(async (app) => {
      await openAndWait(app, hostile);
      app.selectSpace(0);
      return { heading: app.window.details.heading, status: app.window.status.text };
    });
    expect(seen.heading).toBe(`${NAME} — ${LONG_NAME}`);
    expect(seen.status.startsWith(`${NAME} · 1 of 1`)).toBe(true);
  });

  test('a tooltip showing model text shows it literally (tooltips have no plain-text mode: it is escaped)', () => {
    qtRuntime().start();
    // Loaded once the Qt runtime exists (src/ui/qt.ts is the one door to NodeGui).
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { ItemDataRole } = require('../../../src/ui/qt') as typeof import('../../../src/ui/qt');
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { ArrayTableModel } = require('../../../src/ui/widgets/table-model') as typeof import('../../../src/ui/widgets/table-model');
    const model = new ArrayTableModel<string>([{ title: 'Element', text: () => 'Wall', tooltip: (name) => `Other side: ${name}\nsecond line` }]);
    model.setRows([NAME]);
    const tip = model.data(model.index(0, 0), ItemDataRole.ToolTipRole).toString();
    expect(tip).toBe(`<p style="white-space:pre-wrap">Other side: &lt;img src=&quot;${image}&quot;&gt;\nsecond line</p>`);
    model.delete();
  });
});
