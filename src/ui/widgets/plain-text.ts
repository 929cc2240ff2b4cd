// Text from a model — room names, file and archive entry names, messages that quote them — is shown
// as text, never as HTML. Qt renders a QLabel's text and a tooltip as rich text whenever it "might
// be" HTML (Qt::mightBeRichText): a room named `<img src=…>` showed a local image (a 60 000-px one
// broke the screenshot), `<a href>` a link, `<h1>` a spoofed heading. Every label of the app is made
// here, and every tooltip passes through here.
import { QLabel, TextFormat } from '../qt';

/** A QLabel that shows its text exactly as given. */
export function plainTextLabel(): QLabel {
  const l = new QLabel();
  l.setTextFormat(TextFormat.PlainText);
  return l;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * A tooltip that shows `text` literally. Tooltips have no plain-text mode, so the text is escaped
 * and handed over as rich text, keeping its line breaks and spaces.
 */
export function plainTooltip(text: string): string {
  return `<p style="white-space:pre-wrap">${text.replace(/[&<>"]/g, (c) => ENTITIES[c])}</p>`;
}
