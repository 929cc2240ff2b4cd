import * as W from 'web-ifc';
import { boundaryLevel } from '../../src/ifc/boundary-level';

const IFC2X3 = 1;
const IFC4 = 2;
const IFC4X3 = 3;

describe('the level of a space boundary, as the standard states it', () => {
  it('IFC4 and later: the subtype says it; 2ndLevel is checked before 1stLevel (it is its subtype)', () => {
    expect(boundaryLevel(W.IFCRELSPACEBOUNDARY2NDLEVEL, IFC4, null, '2b')).toEqual({ level: '2ndLevel', levelDetail: '2b', levelSource: 'IFC4 subtype IfcRelSpaceBoundary2ndLevel' });
    expect(boundaryLevel(W.IFCRELSPACEBOUNDARY2NDLEVEL, IFC4X3, null, null)).toMatchObject({ level: '2ndLevel', levelDetail: null });
    expect(boundaryLevel(W.IFCRELSPACEBOUNDARY1STLEVEL, IFC4, '2ndLevel', null)).toMatchObject({ level: '1stLevel', levelSource: 'IFC4 subtype IfcRelSpaceBoundary1stLevel' });
  });

  it('IFC4: a plain IfcRelSpaceBoundary is unspecified even when its Name says 2ndLevel (IFC4 uses subtypes)', () => {
    expect(boundaryLevel(W.IFCRELSPACEBOUNDARY, IFC4, '2ndLevel', '2a')).toEqual({ level: 'unspecified', levelDetail: null, levelSource: 'not stated (plain IfcRelSpaceBoundary; IFC4 states the level by subtype)' });
  });

  it('IFC2X3: Name "1stLevel" / "2ndLevel", Description "2a" / "2b"; anything else is not guessed', () => {
    expect(boundaryLevel(W.IFCRELSPACEBOUNDARY, IFC2X3, '2ndLevel', '2a')).toEqual({ level: '2ndLevel', levelDetail: '2a', levelSource: "IFC2X3 Name '2ndLevel'" });
    expect(boundaryLevel(W.IFCRELSPACEBOUNDARY, IFC2X3, '2ndLevel', 'outside')).toMatchObject({ level: '2ndLevel', levelDetail: null });
    expect(boundaryLevel(W.IFCRELSPACEBOUNDARY, IFC2X3, '1stLevel', null)).toMatchObject({ level: '1stLevel', levelDetail: null });
    expect(boundaryLevel(W.IFCRELSPACEBOUNDARY, IFC2X3, null, '2a')).toMatchObject({ level: 'unspecified', levelSource: 'not stated (IFC2X3 Name is empty)' });
    expect(boundaryLevel(W.IFCRELSPACEBOUNDARY, IFC2X3, '3rdLevel', '2b')).toMatchObject({ level: 'unspecified', levelDetail: null });
  });
});
