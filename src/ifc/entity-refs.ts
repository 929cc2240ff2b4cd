// EntityRef: enough of another entity to show it and find it again (GlobalId, class, Name).
import * as W from 'web-ifc';
import { EntityRef } from '../core/schedule/model';
import { ModelReader } from './model-reader';
import { str } from './step-values';
import { WarningCollector } from './warnings';

export function entityRef(reader: ModelReader, id: number, warnings: WarningCollector): EntityRef {
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
