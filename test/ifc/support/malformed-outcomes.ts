// What each file in test/fixtures/ifc/malformed must end in: a refusal with its code and message, or
// a schedule with these warnings. Shared by the in-process and the worker-thread tests.
export const MALFORMED_OUTCOMES: Record<string, { code: string; message: RegExp } | { spaces: number; boundaries: number; warnings: [string, RegExp][] }> = {
  'syn_empty_0_bytes.ifc': { code: 'file-empty', message: /^The file "syn_empty_0_bytes\.ifc" is empty \(0 bytes\)\.$/ },
  'syn_random_garbage_1MB.ifc': { code: 'binary-data', message: /^"syn_random_garbage_1MB\.ifc" is not an IFC file: it holds binary data/ },
  'syn_text_not_ifc.ifc': { code: 'not-step', message: /is not an IFC file: it does not start with ISO-10303-21; \(its first line is "hello world"\)/ },
  'syn_no_iso_magic_line.ifc': { code: 'not-step', message: /is not an IFC file: it does not start with ISO-10303-21; \(its first line is "HEADER;/ },
  'syn_no_file_schema.ifc': { code: 'schema-missing', message: /^"syn_no_file_schema\.ifc" has no FILE_SCHEMA in its header/ },
  'syn_schema_IFC5_unknown.ifc': { code: 'schema-unknown', message: /uses the schema IFC5, which this app cannot read \(it reads IFC2X3, IFC4 and IFC4X3\)/ },
  'syn_header_only_no_entities.ifc': { spaces: 0, boundaries: 0, warnings: [['other', /no IfcProject/], ['other', /contains no spaces/]] },
  'syn_dangling_refs.ifc': { spaces: 1, boundaries: 8, warnings: [['dangling-reference', /refer to entities that are not in the file \(e\.g\. #4552 refers to #15\)/]] },
  'gherkin_fail-ifc101-IFC4X3.ifc': { spaces: 0, boundaries: 0, warnings: [['unsupported', /FILE_SCHEMA says IFC4X3, a pre-release identifier/], ['other', /contains no spaces/]] },
  'gherkin_pass-spa000-activated_space_present.ifc': { spaces: 1, boundaries: 0, warnings: [['bad-entity', /Some spaces have no GlobalId/]] },
};

