/**
 * Fixed parts of the SAS XPORT v5 layout (SAS technical paper TS-140), shared by the reader and the writer.
 *
 * Every record is 80 bytes. A library file is: library header record, two records of library metadata, then
 * per member: member header, descriptor header, two records of member metadata, NAMESTR header, one NAMESTR
 * per variable (140 bytes each, 136 on VAX/VMS, streamed across records, padded with blanks), OBS header,
 * then observations streamed across records and padded with blanks to a multiple of 80.
 */

export const RECORD_LENGTH = 80;
export const NAMESTR_LENGTH = 140;
export const NAMESTR_LENGTH_VMS = 136;

/** Longest character value, name and label XPORT v5 allows. */
export const MAX_CHAR_LENGTH = 200;
export const MAX_NAME_LENGTH = 8;
export const MAX_LABEL_LENGTH = 40;
/** Four digits hold the variable count in the NAMESTR header. */
export const MAX_VARIABLES = 9999;

const HEADER_PREFIX = 'HEADER RECORD*******';
const HEADER_SUFFIX = ' HEADER RECORD!!!!!!!';

/** The first 48 bytes of each header record, which identify it. */
export const LIBRARY_HEADER = `${HEADER_PREFIX}LIBRARY${HEADER_SUFFIX}`;
export const MEMBER_HEADER = `${HEADER_PREFIX}MEMBER ${HEADER_SUFFIX}`;
export const DSCRPTR_HEADER = `${HEADER_PREFIX}DSCRPTR${HEADER_SUFFIX}`;
export const NAMESTR_HEADER = `${HEADER_PREFIX}NAMESTR${HEADER_SUFFIX}`;
export const OBS_HEADER = `${HEADER_PREFIX}OBS    ${HEADER_SUFFIX}`;
/** Headers of formats we recognise but do not read. */
export const LIBRARY_HEADER_V8 = `${HEADER_PREFIX}LIBV8  ${HEADER_SUFFIX}`;
export const CPORT_MAGIC = '**COMPRESSED** **COMPRESSED**';

/** The full 80-byte header records as SAS writes them. */
export const LIBRARY_HEADER_RECORD = `${LIBRARY_HEADER}000000000000000000000000000000  `;
export const MEMBER_HEADER_RECORD = `${MEMBER_HEADER}000000000000000001600000000140  `;
export const DSCRPTR_HEADER_RECORD = `${DSCRPTR_HEADER}000000000000000000000000000000  `;
export const OBS_HEADER_RECORD = `${OBS_HEADER}000000000000000000000000000000  `;
export function namestrHeaderRecord(variableCount: number): string {
  return `${NAMESTR_HEADER}000000${String(variableCount).padStart(4, '0')}00000000000000000000  `;
}

/** Offsets inside one NAMESTR (big-endian integers). */
export const NS = {
  ntype: 0, // 1 = numeric, 2 = character
  nhfun: 2,
  nlng: 4, // length in the observation
  nvar0: 6, // variable number, 1-based
  nname: 8, // 8 bytes
  nlabel: 16, // 40 bytes
  nform: 56, // 8 bytes
  nfl: 64,
  nfd: 66,
  nfj: 68,
  nfill: 70, // 2 bytes
  niform: 72, // 8 bytes
  nifl: 80,
  nifd: 82,
  npos: 84, // int32
  rest: 88, // 52 bytes (48 on VMS)
} as const;

export const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
