// The contract between the extraction worker and the thread that indexes the second part of a big
// file (step-index-worker.ts): what it is asked, and what it answers.

export interface IndexPartInput {
  path: string;
  /** The offset of a statement's "#": where the part starts. */
  from: number;
  /** The end of the text. */
  to: number;
}

export type IndexPartResult =
  | {
      kind: 'columns';
      ids: Int32Array;
      starts: Uint32Array | Float64Array;
      lengths: Uint32Array;
      classes: Uint16Array;
      count: number;
      maxId: number;
      classNames: string[];
      /** Places of strings to decode (text-strings.ts), in file order. */
      suspects: number[];
      /** END-ISO-10303-21; was found. */
      ended: boolean;
    }
  /** A reason the fast reader does not read the file, if the part does start where a statement starts. */
  | { kind: 'refusal'; message: string }
  | { kind: 'error'; message: string };
