/**
 * The full content of a SAS XPORT v5 library file as the reader decodes it: header strings, every NAMESTR
 * field and the observations (with special missing values kept). `readXpt` maps this to `SdtmDataset`.
 */
import type { XptValue } from './sas-missing.ts';

/** Library header (records 2–3). Strings are right-trimmed. */
export interface XptLibraryHeader {
  /** `SAS` */
  sas: string;
  /** `SAS` */
  sas2: string;
  /** `SASLIB` */
  saslib: string;
  /** SAS release that wrote the file, e.g. `9.4`. */
  version: string;
  /** Operating system that wrote the file, e.g. `X64_10PR`. */
  os: string;
  /** `ddMMMyy:hh:mm:ss`, e.g. `21AUG20:09:14:29`. */
  created: string;
  modified: string;
}

/** Member header (the records after the DSCRPTR header). Strings are right-trimmed. */
export interface XptMemberHeader {
  dsname: string;
  /** `SASDATA` */
  sasdata: string;
  version: string;
  os: string;
  created: string;
  modified: string;
  label: string;
  /** Dataset type, normally blank. */
  type: string;
}

/** One NAMESTR record. Strings are right-trimmed. */
export interface XptVariableInfo {
  name: string;
  label: string;
  type: 'Char' | 'Num';
  /** Bytes in the observation. */
  length: number;
  /** Variable number, 1-based. */
  varnum: number;
  format: string;
  formatLength: number;
  formatDecimals: number;
  /** 0 = left, 1 = right. */
  formatJustification: number;
  informat: string;
  informatLength: number;
  informatDecimals: number;
  /** Byte offset of the value in an observation. */
  position: number;
}

export interface XptMember {
  header: XptMemberHeader;
  /** 140, or 136 for files written on VAX/VMS. */
  namestrLength: number;
  /** Bytes per observation: the sum of the variable lengths. */
  recordLength: number;
  variables: XptVariableInfo[];
  nobs: number;
  rows: Record<string, XptValue>[];
  /** Byte offset of the member header record in the file. */
  offset: number;
}

export interface XptLibrary {
  library: XptLibraryHeader;
  members: XptMember[];
}
