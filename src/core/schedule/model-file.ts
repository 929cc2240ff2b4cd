// The file names of IFC models: .ifc, and .ifczip (buildingSMART's zipped IFC), in any case. One
// rule for what opens on a drop, what an export is named after and what the CLI calls its outputs.
const MODEL_EXTENSION = /\.(ifczip|ifc)$/i;

export function isModelFileName(name: string): boolean {
  return MODEL_EXTENSION.test(name);
}

/** "Model.IFCZIP" → "Model"; a name without a model extension stays as it is. */
export function withoutModelExtension(name: string): string {
  return name.replace(MODEL_EXTENSION, '');
}
