/**
 * The hot path of the XPT writers: checks one row against a member plan and encodes it as one observation
 * record (character values blank-padded, numerics as IBM doubles, missing values as SAS writes them).
 *
 * Problems are added to the issue list with the path `DS.VAR[row]` (row index 0-based) and checking goes
 * on, so a caller sees every problem; the bytes of a row with problems are not meaningful.
 */
import { IBM_OVERFLOW, writeIbmFloat, writeSasMissing } from './ibm-float.ts';
import { isSpecialMissing, type XptValue } from './sas-missing.ts';
import { describeNonAscii, firstNonAscii, type XptMemberPlan } from './plan-xpt-member.ts';
import type { XptIssueList } from './xpt-errors.ts';
import { MAX_CHAR_LENGTH } from './xpt-layout.ts';

export type XptRow = Readonly<Record<string, XptValue | undefined>>;

const describe = (value: unknown) =>
  value === null
    ? 'null'
    : typeof value === 'string'
      ? `a string ${JSON.stringify(value.slice(0, 40))}`
      : `${typeof value} ${String(value).slice(0, 40)}`;

export class XptRowEncoder {
  readonly recordLength: number;
  private readonly dataset: string;
  private readonly names: string[];
  private readonly numeric: boolean[];
  private readonly positions: number[];
  private readonly lengths: number[];
  private readonly known: Set<string>;

  constructor(
    plan: XptMemberPlan,
    private readonly issues: XptIssueList,
  ) {
    this.dataset = plan.name;
    this.recordLength = plan.recordLength;
    this.names = plan.variables.map((v) => v.name);
    this.numeric = plan.variables.map((v) => v.type === 'Num');
    this.positions = plan.variables.map((v) => v.position);
    this.lengths = plan.variables.map((v) => v.length);
    this.known = new Set(this.names);
  }

  /**
   * Encodes `row` at `out[offset .. offset + recordLength)`. The region must already hold blanks (0x20):
   * character values are written over them without padding. Returns false when the row has problems.
   */
  encode(row: XptRow, index: number, out: Uint8Array, offset: number): boolean {
    const { names, numeric, positions, lengths } = this;
    const before = this.issues.count;
    if (typeof row !== 'object' || row === null) {
      this.issues.add(`${this.dataset}[${index}]`, `a row must be an object, got ${describe(row)}`);
      return false;
    }
    let present = 0;
    for (let i = 0; i < names.length; i++) {
      const value = row[names[i]];
      const at = offset + positions[i];
      const length = lengths[i];
      if (value !== undefined) present++;
      if (numeric[i]) {
        if (typeof value === 'number') {
          if (Math.abs(value) < IBM_OVERFLOW) writeIbmFloat(value, out, at, length);
          else this.numberIssue(names[i], index, value);
        } else if (value === null || value === undefined) {
          writeSasMissing('.', out, at, length);
        } else if (isSpecialMissing(value)) {
          writeSasMissing(value.missing, out, at, length);
        } else {
          this.issue(names[i], index, `expected a number or null, got ${describe(value)}`);
        }
      } else if (typeof value === 'string') {
        const n = value.length;
        if (n > length) {
          this.lengthIssue(names[i], index, value, length);
          continue;
        }
        for (let c = 0; c < n; c++) {
          const code = value.charCodeAt(c);
          if (code > 0x7f) {
            this.issue(names[i], index, `value ${describeNonAscii(value, c)} (XPT v5 files must be ASCII)`);
            break;
          }
          out[at + c] = code;
        }
      } else if (value !== null && value !== undefined) {
        this.issue(names[i], index, `expected a string or null, got ${describe(value)}`);
      }
    }
    // A key that is not a variable would be silently dropped: list the keys only when their count says so.
    if (present < names.length || Object.keys(row).length > present) {
      for (const key of Object.keys(row)) {
        if (!this.known.has(key) && row[key] !== undefined) {
          this.issues.add(`${this.dataset}[${index}]`, `${key} is not a variable of ${this.dataset}`);
        }
      }
    }
    return this.issues.count === before;
  }

  private issue(name: string, index: number, message: string): void {
    this.issues.add(`${this.dataset}.${name}[${index}]`, message);
  }

  private numberIssue(name: string, index: number, value: number): void {
    this.issue(
      name,
      index,
      Number.isNaN(value)
        ? 'NaN is not a value (use null for a missing value)'
        : `${value} cannot be stored as an IBM double (|x| < 7.2e75, finite)`,
    );
  }

  private lengthIssue(name: string, index: number, value: string, length: number): void {
    const bad = firstNonAscii(value);
    if (bad >= 0)
      this.issue(name, index, `value ${describeNonAscii(value, bad)} (XPT v5 files must be ASCII)`);
    else {
      const limit = length === MAX_CHAR_LENGTH ? ` (the XPT v5 maximum is ${MAX_CHAR_LENGTH})` : '';
      this.issue(
        name,
        index,
        `value is ${value.length} bytes, longer than the variable length ${length}${limit}`,
      );
    }
  }
}
