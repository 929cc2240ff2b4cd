// The PDF's fonts: DejaVu Sans from the dejavu-fonts-ttf package (so every install has it, with
// the accents, ß, ł, ² and ³ that room names and units need), else Debian's fonts-dejavu-core.
import * as fs from 'fs';
import * as path from 'path';
import { OperationError } from '../core/operations/operation-error';

export interface PdfFonts {
  regular: string;
  bold: string;
}

function packageFolder(): string | undefined {
  try {
    return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  } catch {
    return undefined;
  }
}

export function pdfFonts(): PdfFonts {
  const folders = [packageFolder(), '/usr/share/fonts/truetype/dejavu'].filter((f): f is string => !!f);
  for (const folder of folders) {
    const fonts = { regular: path.join(folder, 'DejaVuSans.ttf'), bold: path.join(folder, 'DejaVuSans-Bold.ttf') };
    if (fs.existsSync(fonts.regular) && fs.existsSync(fonts.bold)) return fonts;
  }
  throw new OperationError({
    category: 'internal',
    code: 'pdf-font-missing',
    message: 'The PDF cannot be written: its font, DejaVu Sans, is not installed.',
    suggestion: 'Reinstall the app, or install the fonts-dejavu-core package.',
    detail: `looked in ${folders.join(', ')}`,
  });
}
