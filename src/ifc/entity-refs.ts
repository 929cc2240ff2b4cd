// EntityRef: enough of another entity to show it and find it again (GlobalId, class, Name).
import * as W from './schema/ifc-types';
import { EntityRef } from '../core/schedule/model';
import { ModelReader } from './model-reader';
import { str } from './step-values';
import { WarningCollector } from './warnings';

/**
 * One EntityRef per entity and extraction, shared by every boundary and relationship that names it:
 * a wall bounding 20 rooms is one object, not 40 (structured clone keeps the sharing across threads).
 */
const refsByReader = new WeakMap<ModelReader, Map<number, EntityRef>>();

export function entityRef(reader: ModelReader, id: number, warnings: WarningCollector): EntityRef {
  let refs = refsByReader.get(reader);
  if (!refs) refsByReader.set(reader, (refs = new Map()));
  let ref = refs.get(id);
  if (!ref) {
    ref = readEntityRef(reader, id, warnings);
    refs.set(id, ref);
  }
  return ref;
}

/** The ids among `ids` that have no EntityRef yet (to read their lines in one batch first). */
export function withoutEntityRef(reader: ModelReader, ids: number[]): number[] {
  const refs = refsByReader.get(reader);
  return refs ? ids.filter((id) => !refs.has(id)) : ids;
}

function readEntityRef(reader: ModelReader, id: number, warnings: WarningCollector): EntityRef {
  const line = reader.line(id);
  if (!line) {
    if (!reader.skipped.has(id)) {
      warnings.add('dangling-reference', 'Some relationships point to entities that are not in the file; they are listed as "missing".', id, 'dangling-related');
    }
    return { expressId: id, globalId: null, type: 'missing', name: null, description: null };
  }
  // IfcRoot: GlobalId, OwnerHistory, Name, Description. Other entities carry no GlobalId.
  const root = reader.isA(line.type, W.IFCROOT);
  return {
    expressId: id,
    globalId: root ? str(line.arguments[0]) : null,
    type: reader.typeName(line.type),
    name: root ? str(line.arguments[2]) : null,
    description: root ? str(line.arguments[3]) : null,
  };
}
