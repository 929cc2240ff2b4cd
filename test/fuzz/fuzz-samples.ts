// The samples the fuzzer mutates: small real models (0.1–0.25 MB) with spaces, boundaries and
// relationships, so a case reaches every phase of the engine in well under a second.
export const FUZZ_SAMPLES = ['OneZone.ifc', 'TwoZones.ifc', 'SWW-5_SB.ifc'];
