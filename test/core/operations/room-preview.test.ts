// The extraction tells its rooms before its schedule: one preview, as soon as the relationships that
// place them on storeys are read, with the rooms the schedule will hold, in its order.
import { RoomsPreview } from '../../../src/core/schedule/room-preview';
import { startExtraction } from '../../../src/ifc/extraction-job';
import { useLeakCheck } from '../../support/leak-check';
import { useRunner, realIfc } from '../support/operation-fixtures';

describe('the rooms preview of an extraction', () => {
  useLeakCheck();
  const fixture = useRunner();

  it.each(['fast', 'web-ifc'] as const)('MultiZoneBuilding.ifc (%s engine): the 13 rooms arrive once, while the relationships are read, before the spaces phase, and are the schedule’s rooms', async (engine) => {
    const op = startExtraction(fixture.runner, { path: realIfc('MultiZoneBuilding.ifc'), name: 'MultiZoneBuilding.ifc', engine });
    const events: string[] = [];
    const previews: RoomsPreview[] = [];
    const subs = [op.onDidProgress((p) => events[events.length - 1] !== p.phase && events.push(p.phase)), op.onDidPreview((p) => (previews.push(p), events.push('preview')))];
    const schedule = await op.result;
    await op.cleanedUp;
    subs.forEach((s) => s.dispose());
    expect(previews).toHaveLength(1);
    const identity = schedule.spaces.map(({ expressId, globalId, name, longName, description, objectType, storey }) => ({ expressId, globalId, name, longName, description, objectType, storey }));
    expect(previews[0].rooms).toEqual(identity);
    expect(previews[0].rooms.filter((r) => r.storey !== null)).toHaveLength(13);
    expect(events.indexOf('preview')).toBeGreaterThan(events.indexOf('relationships'));
    expect(events.indexOf('preview')).toBeLessThan(events.indexOf('spaces'));
  });
});
