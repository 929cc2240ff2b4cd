// Small declarative builders (after Extraterm): a widget tree reads as its shape, not as forty
// lines of new/setLayout/addWidget.
import { Direction, QBoxLayout, QLabel, QWidget } from '../qt';
import { plainTextLabel } from './plain-text';

type Child = QWidget | { widget: QWidget; stretch: number } | 'stretch';

function box(direction: Direction, children: Child[], options: { margins?: number; spacing?: number; name?: string } = {}): QWidget {
  const w = new QWidget();
  if (options.name) w.setObjectName(options.name);
  const layout = new QBoxLayout(direction);
  const m = options.margins ?? 0;
  layout.setContentsMargins(m, m, m, m);
  if (options.spacing !== undefined) layout.setSpacing(options.spacing);
  w.setLayout(layout);
  for (const c of children) {
    if (c === 'stretch') layout.addStretch(1);
    else if (c instanceof QWidget) layout.addWidget(c);
    else layout.addWidget(c.widget, c.stretch);
  }
  return w;
}

export const vbox = (children: Child[], options?: { margins?: number; spacing?: number; name?: string }) => box(Direction.TopToBottom, children, options);
export const hbox = (children: Child[], options?: { margins?: number; spacing?: number; name?: string }) => box(Direction.LeftToRight, children, options);
export const grow = (widget: QWidget, stretch = 1) => ({ widget, stretch });

/** A label showing `text` as plain text (see plain-text.ts: labels often show the model's names). */
export function label(text: string, options: { name?: string; wrap?: boolean; selectable?: boolean } = {}): QLabel {
  const l = plainTextLabel();
  l.setText(text);
  if (options.name) l.setObjectName(options.name);
  if (options.wrap) l.setWordWrap(true);
  if (options.selectable) l.setTextInteractionFlags(1 /* Qt::TextSelectableByMouse */);
  return l;
}

/** Makes `child` fill `parent` (a dialog or window that needs one content widget). */
export function fill(parent: QWidget, child: QWidget): void {
  const layout = new QBoxLayout(Direction.TopToBottom);
  layout.setContentsMargins(0, 0, 0, 0);
  parent.setLayout(layout);
  layout.addWidget(child);
}
