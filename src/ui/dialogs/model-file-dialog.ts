// The file chooser for IFC models (File → Open…, File → Compare with…): window-modal, but never
// exec(), so Node's loop keeps running; the dialog deletes itself when it closes.
import { FileMode, QFileDialog, QWidget } from '../qt';
import { listen } from '../widgets/qt-lifecycle';

export function chooseModelFile(parent: QWidget, title: string, folder: string, onChosen: (file: string) => void): void {
  const dialog = new QFileDialog(parent, title, folder);
  dialog.setFileMode(FileMode.ExistingFile);
  dialog.setNameFilter('IFC models (*.ifc *.ifczip *.IFC *.IFCZIP);;All files (*)');
  const sub = listen(dialog, 'fileSelected', (file: string) => onChosen(file), 'modelFileDialog.fileSelected');
  const done = listen(dialog, 'finished', () => {
    sub.dispose();
    done.dispose();
    dialog.deleteLater();
  }, 'modelFileDialog.finished');
  dialog.open();
}
