/**
 * Exports a study's SDTM records from the database in one format, with the existing writers:
 *
 *   csv      one <dataset>.csv per dataset with records (csv/write-csv.ts)
 *   xlsx     <STUDYID>.xlsx, one sheet per dataset + Variables + Issues (write-xlsx.ts)
 *   xpt      one <dataset>.xpt (SAS transport v5) per dataset with records (xpt/write-xpt.ts)
 *   define   define.xml (Define-XML 2.1) describing <dataset>.xpt beside it (define/write-define.ts)
 *   package  <STUDYID>-sdtm.zip with all of the above, issues.csv and a checksummed README (write-package.ts)
 *
 * The read and its audit event (sdtm.export: format, datasets and record counts, the subjects' patients) commit
 * together. The conformance checker (lib/sdtm/conformance) runs on the exported datasets unless `issues` are
 * given; its issues go into the workbook's Issues sheet, issues.csv and the package README.
 */
import type { Actor } from '../../auth/actor.ts';
import { recordAuditEvent } from '../../audit/record-audit-event.ts';
import type { Db } from '../../db/client.ts';
import { checkConformance } from '../conformance/check-conformance.ts';
import { writeCsv } from '../csv/write-csv.ts';
import type { SdtmDataset } from '../dataset.ts';
import { writeDefineXml } from '../define/write-define.ts';
import { SdtmStudyNotFound } from '../mapping/map-study.ts';
import { writeXpt } from '../xpt/write-xpt.ts';
import { loadStudyDatasets } from './load-study-datasets.ts';
import { safeFileName, writeSubmissionPackage } from './write-package.ts';
import type { ExportIssue } from './write-issues-csv.ts';
import { writeXlsx } from './write-xlsx.ts';
import { studyDefineMetadata } from './study-define-metadata.ts';

export const SDTM_EXPORT_FORMATS = ['csv', 'xlsx', 'xpt', 'define', 'package'] as const;
export type SdtmExportFormat = (typeof SDTM_EXPORT_FORMATS)[number];

export function isSdtmExportFormat(value: unknown): value is SdtmExportFormat {
  return (SDTM_EXPORT_FORMATS as readonly unknown[]).includes(value);
}

export interface ExportedFile {
  name: string;
  contentType: string;
  data: Uint8Array;
}

export interface ExportStudyOptions {
  db: Db;
  /** Study.id (not the CDISC STUDYID). */
  studyId: string;
  format: SdtmExportFormat;
  /** Who asked; null with `system` for the command line. */
  actor: Actor | null;
  system?: string;
  requestId?: string;
  /** Conformance issues to ship with the data (xlsx and package); default: the checker's, run on the export. */
  issues?: readonly ExportIssue[];
  /** Creation time written into the files; with it the output is reproducible. Default now. */
  createdAt?: Date;
}

export interface StudyExport {
  study: { id: string; studyId: string };
  datasets: { name: string; records: number }[];
  files: ExportedFile[];
}

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xpt: 'application/octet-stream',
  xml: 'application/xml',
  zip: 'application/zip',
};

export async function exportStudy(o: ExportStudyOptions): Promise<StudyExport> {
  const { study, datasets } = await o.db.$transaction(async (tx) => {
    const found = await tx.study.findUnique({ where: { id: o.studyId } });
    if (!found) throw new SdtmStudyNotFound();
    const loaded = await loadStudyDatasets(tx, found.id);
    await recordAuditEvent(tx, {
      actor: o.actor,
      system: o.system,
      action: 'sdtm.export',
      entityType: 'Study',
      entityIds: [found.id],
      patientIds: loaded.patientIds,
      requestId: o.requestId,
      detail: {
        format: o.format,
        datasets: loaded.datasets.map((d) => ({ name: d.name, records: d.rows.length })),
      },
    });
    return { study: found, datasets: loaded.datasets };
  });
  const createdAt = o.createdAt ?? new Date();
  const issues = o.issues ?? (needsIssues(o.format) ? checkConformance(datasets) : []);
  const files = writeFormat(o.format, study, datasets, issues, createdAt);
  return {
    study: { id: study.id, studyId: study.studyId },
    datasets: datasets.map((d) => ({ name: d.name, records: d.rows.length })),
    files,
  };
}

const needsIssues = (format: SdtmExportFormat) => format === 'xlsx' || format === 'package';

function writeFormat(
  format: SdtmExportFormat,
  study: { studyId: string; title: string; description: string | null },
  datasets: SdtmDataset[],
  issues: readonly ExportIssue[],
  createdAt: Date,
): ExportedFile[] {
  const withData = datasets.filter((ds) => ds.rows.length > 0);
  const lower = (ds: SdtmDataset) => ds.name.toLowerCase();
  switch (format) {
    case 'csv':
      return withData.map((ds) => ({
        name: `${lower(ds)}.csv`,
        contentType: TYPES.csv,
        data: Buffer.from(writeCsv(ds), 'utf8'),
      }));
    case 'xpt':
      return withData.map((ds) => ({
        name: `${lower(ds)}.xpt`,
        contentType: TYPES.xpt,
        data: writeXpt([ds], { created: createdAt }),
      }));
    case 'xlsx':
      return [
        {
          name: `${safeFileName(study.studyId)}.xlsx`,
          contentType: TYPES.xlsx,
          data: writeXlsx(datasets, issues, { title: `SDTM datasets, study ${study.studyId}`, createdAt }),
        },
      ];
    case 'define': {
      const xml = writeDefineXml(
        {
          ...studyDefineMetadata(study, datasets),
          creationDateTime: createdAt.toISOString().replace(/\.\d+Z$/, 'Z'),
          stylesheetHref: null,
        },
        datasets,
      );
      return [{ name: 'define.xml', contentType: TYPES.xml, data: Buffer.from(xml, 'utf8') }];
    }
    case 'package': {
      const pkg = writeSubmissionPackage({
        study: study.studyId,
        datasets,
        issues,
        define: studyDefineMetadata(study, datasets),
        writeXpt: (ds) => writeXpt(ds, { created: createdAt }),
        writeCsv: (ds) => writeCsv(ds),
        createdAt,
      });
      return [{ name: `${safeFileName(study.studyId)}-sdtm.zip`, contentType: TYPES.zip, data: pkg.zip }];
    }
  }
}
