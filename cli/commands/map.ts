/**
 * `imagehr map sdtm --study STUDYID`: maps a study's accepted and edited findings and its subjects to SDTM
 * records (lib/sdtm/mapping), as the portal's "Map to SDTM" does, and prints the counts per domain. Records a
 * programmer edited are left alone. Audited as the command line; prints counts only, never data.
 */
import { parseArgs } from 'node:util';
import { mapStudyToSdtm } from '../../lib/sdtm/mapping/map-study.ts';
import { withStudy } from '../database.ts';

const USAGE = 'usage: imagehr map sdtm --study STUDYID';

export async function mapCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { study: { type: 'string' } } });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  if (positionals[0] !== 'sdtm' || !values.study) {
    console.error(USAGE);
    return 2;
  }
  return withStudy(values.study, async (db, study) => {
    const summary = await mapStudyToSdtm({ db, studyId: study.id, actor: null, system: 'cli:map' });
    console.log('domain    created  updated  deleted  unchanged  kept (edited)');
    for (const d of summary.domains) {
      const cells = [d.created, d.updated, d.deleted, d.unchanged, d.skippedEdited].map((n) =>
        String(n).padStart(7),
      );
      console.log(`${d.domain.padEnd(8)}${cells.join('  ')}`);
    }
    for (const n of summary.notMapped) console.log(`not mapped: ${n.count} (${n.reason})`);
    return 0;
  });
}
