/**
 * Errors about a user's input. The CLI maps them to exit code 1 with a one-line message;
 * anything else is an internal error (exit 2).
 */
export class InputError extends Error {
  /** The file (path or reference) the problem is in. */
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;

  /**
   * @param message what is wrong, in one line, without the file name
   * @param file the file concerned
   * @param line 1-based line, where known
   * @param column 1-based column, where known
   */
  constructor(message: string, file?: string, line?: number, column?: number) {
    super(message);
    this.name = 'InputError';
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /** "file:line: message" — the one line a user sees. */
  format(): string {
    let where = this.file ?? '';
    if (where && this.line !== undefined) where += `:${this.line}`;
    if (where && this.line !== undefined && this.column !== undefined) where += `:${this.column}`;
    return where ? `${where}: ${this.message}` : this.message;
  }
}

/** True for errors caused by user input (exit code 1). */
export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
