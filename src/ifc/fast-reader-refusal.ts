// Why the fast reader will not read a file (an id defined twice, an id past 2^31, a complex
// instance, a class its schema lacks, a record that does not end…): the extraction then reads it
// with web-ifc, exactly as before, and says so in its progress log.
export class FastReaderRefusal extends Error {}
