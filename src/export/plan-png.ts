// The plan as PNG: the SVG document rendered by resvg (a Rust SVG renderer; its npm package ships
// the binary). Chosen over sharp (libvips + librsvg) after measuring both on an 800-room plan: the
// same pixels and time, a quarter of the size, and fonts given as files instead of looked up
// through fontconfig, so every machine draws the labels in the DejaVu Sans they were measured in.
import { Resvg, renderAsync, ResvgRenderOptions } from '@resvg/resvg-js';
import { OperationError } from '../core/operations/operation-error';
import { pdfFonts } from './pdf-fonts';

/** The DejaVu Sans files the PDF uses too (one place finds them); a PNG-specific message when they are missing. */
function fontFiles(): string[] {
  try {
    const fonts = pdfFonts();
    return [fonts.regular, fonts.bold];
  } catch (e) {
    const info = e instanceof OperationError ? e.toInfo() : undefined;
    throw new OperationError({
      category: 'internal',
      code: 'plan-font-missing',
      message: 'The plan cannot be drawn as PNG: its font, DejaVu Sans, is not installed.',
      suggestion: 'Reinstall the app, or install the fonts-dejavu-core package; SVG export works without it.',
      detail: info?.detail,
    });
  }
}

function renderOptions(zoom: number): ResvgRenderOptions {
  return {
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    fitTo: zoom === 1 ? { mode: 'original' } : { mode: 'zoom', value: zoom },
    background: '#FFFFFF',
  };
}

/** PNG bytes of an SVG document, at `zoom` times its own pixel size. */
export function svgToPng(svg: string, zoom = 1): Buffer {
  return new Resvg(svg, renderOptions(zoom)).render().asPng();
}

/** The same, rendered on libuv's thread pool: the window keeps painting meanwhile (a large plan takes a second). */
export async function svgToPngAsync(svg: string, zoom = 1): Promise<Buffer> {
  return (await renderAsync(svg, renderOptions(zoom))).asPng();
}
