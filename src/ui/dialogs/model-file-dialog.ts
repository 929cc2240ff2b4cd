// The file chooser for IFC models (File → Open…, File → Compare with…) and other files (IDS): window-modal, but never
// exec(), so Node's loop keeps running; the dialog deletes itself when it closes.
import { FileMode, QFileDialog, QWidget } from '../qt';
import { listen } from '../widgets/qt-lifecycle';

/** `onClosed`: after the dialog closed, chosen (after onChosen) or not. */
export function chooseModelFile(parent: QWidget, title: string, folder: string, onChosen: (file: string) => void, onClosed?: () => void): void {
  chooseExistingFile(parent, { title, folder, nameFilter: 'IFC models (*.ifc *.ifczip *.IFC *.IFCZIP);;All files (*)' }, onChosen, onClosed);
}

/** Any existing file (an IFC model, an IDS file…), with the given name filter. */
export function chooseExistingFile(parent: QWidget, spec: { title: string; folder: string; nameFilter: string }, onChosen: (file: string) => void, onClosed?: () => void): void {
  const dialog = new QFileDialog(parent, spec.title, spec.folder);
  dialog.setFileMode(FileMode.ExistingFile);
  dialog.setNameFilter(spec.nameFilter);
  const sub = listen(dialog, 'fileSelected', (file: string) => onChosen(file), 'fileDialog.fileSelected');
  const done = listen(dialog, 'finished', () => {
    sub.dispose();
    done.dispose();
    dialog.deleteLater();
    onClosed?.();
  }, 'fileDialog.finished');
  dialog.open();
}
