// Texts of Help → User guide and Help → About.
import { appVersion } from '../../platform/assets';
import { appPaths } from '../../platform/paths';

export const USER_GUIDE = [
  'Open a model: File → Open… (Ctrl+O), drop an .ifc or .ifczip file on the window, or pass it on the command line.',
  'Reading runs in the background with progress in the status bar; Cancel (toolbar, status bar or Esc) stops it at once.',
  'Rooms are listed by storey on the left; type in the filter box to find a room by number, name or storey. Alt+Down / Alt+Up step through rooms. Ctrl+G (Go to space) jumps to a room by number or name without filtering the list.',
  'The tabs on the right show the selected room: properties and quantities (each with its source — the file, the room\'s geometry, its floor boundaries, or missing — and every other value found), its space boundaries with area and orientation, its relationships, and your notes.',
  'Notes on rooms (Notes tab) and on surfaces (Boundaries tab) are saved as you type, kept with the model (by its content, not its path), and included in every export.',
  'File → Compare with… reads another revision of the model (last week\'s, say) and lists what changed: rooms added, removed, and each changed field (name, storey, zones, quantities, properties, notes, boundary counts). Filter the list by kind or text; double-click a row to go to its room. Changed rooms are marked Δ and added ones + in the room list.',
  'Tools → Export writes the room schedule as XLSX (by storey, with subtotals, ready to print), PDF (with a plan per storey) or CSV, laid out by a template (columns, grouping, units; your own go in the settings folder\'s templates/), or everything as JSON. Tools → Validate data lists gaps in the model. Help → Diagnostics shows memory, workers and the cleanup history.',
  'File → Save annotated IFC writes a copy of the model with your notes as the property set IfcRoomSchedule_Notes on each room; File → Import notes takes back notes edited in an exported CSV or XLSX, after showing what would change.',
].join('\n\n');

export function aboutText(): string {
  const p = appPaths();
  return [
    `Version ${appVersion()} · Node ${process.versions.node} · web-ifc for IFC reading · Qt 6 through NodeGui.`,
    'Rooms, quantities, space boundaries and relationships from IFC2X3, IFC4 and IFC4X3 models.',
    `Logs: ${p.log}\nNotes: ${p.data}\nSettings: ${p.config}`,
  ].join('\n\n');
}
