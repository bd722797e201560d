/**
 * Typed errors of the SAS XPORT v5 reader and writer.
 *
 * - `XptFormatError`: the bytes are not a valid XPORT v5 file (empty, truncated, another format, bad header).
 *   Carries the byte offset where the problem was found.
 * - `XptValidationError`: a dataset cannot be written as XPORT v5 (bad names, labels, lengths, values).
 *   Carries every issue found, each with a path such as `VS.VSORRES[12]`.
 */

export class XptFormatError extends Error {
  override readonly name = 'XptFormatError';
  /** Byte offset in the file where the problem was detected. */
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(`${message} (at byte offset ${offset})`);
    this.offset = offset;
  }
}

export interface XptValidationIssue {
  /**
   * Where the problem is: `VS` (dataset), `VS.VSORRES` (variable), `VS.VSORRES[12]` (value in row 12,
   * 0-based), `VS[12]` (the row as a whole), or `VS.VSORRES.label`.
   */
  path: string;
  message: string;
}

/** Issues spelled out in the error message; `issues` holds them all. */
const MESSAGE_ISSUES = 50;

export class XptValidationError extends Error {
  override readonly name = 'XptValidationError';
  readonly issues: readonly XptValidationIssue[];
  /** Issues found beyond those kept in `issues` (the list is capped to bound memory). */
  readonly omitted: number;

  constructor(issues: readonly XptValidationIssue[], omitted = 0) {
    const total = issues.length + omitted;
    const shown = issues
      .slice(0, MESSAGE_ISSUES)
      .map((i) => `  ${i.path}: ${i.message}`)
      .join('\n');
    const rest = total - Math.min(issues.length, MESSAGE_ISSUES);
    const more = rest > 0 ? `\n  … and ${rest} more (all kept issues are in .issues)` : '';
    super(`cannot write XPT: ${total} problem${total === 1 ? '' : 's'}\n${shown}${more}`);
    this.issues = issues;
    this.omitted = omitted;
  }
}

/** Collects validation issues up to a cap (so a bad export of millions of rows stays bounded), counting the rest. */
export class XptIssueList {
  readonly issues: XptValidationIssue[] = [];
  omitted = 0;

  constructor(readonly max = 10_000) {}

  add(path: string, message: string): void {
    if (this.issues.length < this.max) this.issues.push({ path, message });
    else this.omitted++;
  }

  get count(): number {
    return this.issues.length + this.omitted;
  }

  toError(): XptValidationError {
    return new XptValidationError(this.issues, this.omitted);
  }
}
