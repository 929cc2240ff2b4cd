// The one way an IDS file is refused: a list of problems, each naming where it is (line or
// specification) and what is wrong. A refused IDS is never checked in part.

export class InvalidIdsError extends Error {
  constructor(
    readonly fileName: string,
    /** Each problem as one sentence, e.g. 'line 12: …' or 'specification "Walls": …'. */
    readonly problems: readonly string[],
  ) {
    super(`"${fileName}" is not a valid IDS 1.0 file: ${problems[0] ?? 'unknown problem'}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''}`);
    this.name = 'InvalidIdsError';
  }
}
