/**
 * Encodes the header records of an XPORT v5 file: the library header (3 records) and, per member, the
 * member and descriptor headers, the NAMESTR header, the NAMESTR records and the OBS header, byte for byte
 * as SAS 9.4 writes them (blank padding, 0x00 in the unused NAMESTR fields).
 */
import type { XptMemberPlan } from './plan-xpt-member.ts';
import {
  DSCRPTR_HEADER_RECORD,
  LIBRARY_HEADER_RECORD,
  MEMBER_HEADER_RECORD,
  NAMESTR_LENGTH,
  NS,
  OBS_HEADER_RECORD,
  RECORD_LENGTH,
  namestrHeaderRecord,
} from './xpt-layout.ts';

/** Header strings shared by the library and its members. Timestamps are `ddMMMyy:hh:mm:ss`. */
export interface XptHeaderFields {
  sasVersion: string;
  os: string;
  created: string;
  modified: string;
}

const pad = (text: string, width: number) => text.padEnd(width, ' ').slice(0, width);

function ascii(text: string): Buffer {
  if (text.length % RECORD_LENGTH !== 0) throw new Error(`header text of ${text.length} bytes`); // a bug here
  return Buffer.from(text, 'latin1');
}

/** The 3 library header records (240 bytes). */
export function encodeLibraryHeader(h: XptHeaderFields): Buffer {
  return ascii(
    LIBRARY_HEADER_RECORD +
      `SAS     SAS     SASLIB  ${pad(h.sasVersion, 8)}${pad(h.os, 8)}${' '.repeat(24)}${pad(h.created, 16)}` +
      pad(h.modified, 80),
  );
}

/** Member, descriptor and NAMESTR headers, NAMESTR records (padded) and the OBS header of one member. */
export function encodeMemberHeader(plan: XptMemberPlan, h: XptHeaderFields): Buffer {
  const head = ascii(
    MEMBER_HEADER_RECORD +
      DSCRPTR_HEADER_RECORD +
      `SAS     ${pad(plan.name, 8)}SASDATA ${pad(h.sasVersion, 8)}${pad(h.os, 8)}${' '.repeat(24)}${pad(h.created, 16)}` +
      `${pad(h.modified, 16)}${' '.repeat(16)}${pad(plan.label, 40)}${' '.repeat(8)}` +
      namestrHeaderRecord(plan.variables.length),
  );
  const nsBytes = plan.variables.length * NAMESTR_LENGTH;
  const nsBlock = Buffer.alloc(Math.ceil(nsBytes / RECORD_LENGTH) * RECORD_LENGTH, 0x20);
  nsBlock.fill(0, 0, nsBytes);
  plan.variables.forEach((v, i) => {
    const at = i * NAMESTR_LENGTH;
    nsBlock.writeUInt16BE(v.type === 'Num' ? 1 : 2, at + NS.ntype);
    nsBlock.writeUInt16BE(0, at + NS.nhfun);
    nsBlock.writeUInt16BE(v.length, at + NS.nlng);
    nsBlock.writeUInt16BE(i + 1, at + NS.nvar0);
    nsBlock.write(pad(v.name, 8), at + NS.nname, 'latin1');
    nsBlock.write(pad(v.label, 40), at + NS.nlabel, 'latin1');
    nsBlock.write(pad(v.format.name, 8), at + NS.nform, 'latin1');
    nsBlock.writeUInt16BE(v.format.width, at + NS.nfl);
    nsBlock.writeUInt16BE(v.format.decimals, at + NS.nfd);
    nsBlock.writeUInt16BE(0, at + NS.nfj);
    nsBlock.write(pad('', 8), at + NS.niform, 'latin1');
    nsBlock.writeInt32BE(v.position, at + NS.npos);
  });
  return Buffer.concat([head, nsBlock, ascii(OBS_HEADER_RECORD)]);
}
