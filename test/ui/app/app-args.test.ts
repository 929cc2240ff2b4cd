// The window's command line: the engine a model is read with (as the CLI's --engine), and opening
// the file only once the window is up (how the benchmark times the rooms' arrival).
import { parseAppArgs } from '../../../src/ui/app/app-args';
import { DEFAULT_ENGINE } from '../../../src/ifc/extraction-engine';

const argv = (...args: string[]) => ['node', 'main.js', ...args];

test('--engine fast and --open-after 2000 are taken; without them the default engine and an open at once', () => {
  expect(parseAppArgs(argv('model.ifc', '--engine', 'fast', '--open-after', '2000'))).toMatchObject({ file: 'model.ifc', engine: 'fast', openAfter: 2000 });
  expect(parseAppArgs(argv('model.ifc'))).toMatchObject({ engine: DEFAULT_ENGINE, openAfter: undefined });
});

test('an engine the app does not have is refused with the ones it has', () => {
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    expect(() => parseAppArgs(argv('--engine', 'ifcopenshell'))).toThrow(/Allowed choices are fast, web-ifc/);
  } finally {
    stderr.mockRestore();
  }
});
