/**
 * `imagehr export sdtm --study STUDYID --format csv|xlsx|xpt|define|package --out DIR`: writes a study's SDTM
 * records from the database (lib/sdtm/export/export-study.ts) into DIR and lists the files written. Audited as
 * the command line. Prints file names and sizes only, never data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportStudy, isSdtmExportFormat, SDTM_EXPORT_FORMATS } from '../../lib/sdtm/export/export-study.ts';
import { withStudy } from '../database.ts';

const USAGE = `usage: imagehr export sdtm --study STUDYID --format ${SDTM_EXPORT_FORMATS.join('|')} --out DIR`;

export async function exportCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { study: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  if (positionals[0] !== 'sdtm' || !values.study || !values.out || !isSdtmExportFormat(values.format)) {
    console.error(USAGE);
    return 2;
  }
  const { format, out } = values;
  return withStudy(values.study, async (db, study) => {
    const result = await exportStudy({
      db,
      studyId: study.id,
      format,
      actor: null,
      system: 'cli:export',
    });
    fs.mkdirSync(out, { recursive: true });
    for (const file of result.files) {
      fs.writeFileSync(path.join(out, file.name), file.data);
      console.log(`${path.join(out, file.name)}  ${file.data.length} bytes`);
    }
    const counts = result.datasets.map((d) => `${d.name} ${d.records}`).join(', ');
    console.log(`study ${study.studyId}: ${counts || 'no SDTM records (map the study first)'}`);
    return 0;
  });
}
