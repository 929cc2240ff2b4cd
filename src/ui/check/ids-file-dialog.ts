// The file chooser for IDS files: window-modal, never exec() (Node's loop keeps running), opened in
// the folder of the last IDS used with this model; the dialog deletes itself when it closes.
import * as path from 'path';
import { FileMode, QFileDialog, QWidget } from '../qt';
import { listen } from '../widgets/qt-lifecycle';

export function chooseIdsFile(parent: QWidget, folder: string, last: string | undefined, onChosen: (file: string) => void): void {
  const title = last ? `Check requirements: choose an IDS file (last used: ${path.basename(last)})` : 'Check requirements: choose an IDS file';
  const dialog = new QFileDialog(parent, title, last ? path.dirname(last) : folder);
  dialog.setFileMode(FileMode.ExistingFile);
  dialog.setNameFilter('IDS files (*.ids *.IDS *.xml);;All files (*)');
  const sub = listen(dialog, 'fileSelected', (file: string) => onChosen(file), 'idsFileDialog.fileSelected');
  const done = listen(dialog, 'finished', () => {
    sub.dispose();
    done.dispose();
    dialog.deleteLater();
  }, 'idsFileDialog.finished');
  dialog.open();
}
