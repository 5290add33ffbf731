/**
 * The result of checking one file from the command line.
 */
import type { Report } from "../core/model/finding";

export type FileResult = Readonly<{
  file: string;
  /** Absent when the file could not be read or parsed. */
  report?: Report;
  /** What was wrong with the input, naming the field. */
  error?: string;
}>;
