/**
 * The SDTM submission package as one ZIP:
 *
 *   datasets/<dataset>.xpt   one SAS transport v5 file per dataset (lower-case name, as the FDA asks)
 *   csv/<dataset>.csv        the same data as CSV
 *   <study>.xlsx             review workbook (one sheet per dataset, Variables, Issues)
 *   define.xml               Define-XML 2.1; its dataset links point at datasets/<dataset>.xpt
 *   issues.csv               conformance issues (ruleId, path, severity, message)
 *   README.txt               what the package holds, and the SHA-256 of every other file (sha256sum format)
 *   [stylesheet]             the define.xml stylesheet when one is supplied (then referenced by define.xml)
 *
 * Datasets without records get no XPT or CSV file; define.xml marks them def:HasNoData and README.txt lists
 * them. The XPT and CSV writers are parameters, so this module does not depend on their implementation.
 * With `createdAt` given the ZIP is byte-for-byte reproducible.
 */
import crypto from 'node:crypto';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { SdtmDataset } from '../dataset.ts';
import type { DefineMetadata } from '../define/define-metadata.ts';
import { DEFAULT_STANDARD, DEFINE_VERSION, writeDefineXml } from '../define/write-define.ts';
import { writeIssuesCsv, type ExportIssue } from './write-issues-csv.ts';
import { writeXlsx } from './write-xlsx.ts';

export interface SubmissionPackageInput {
  /** STUDYID; names the workbook. */
  study: string;
  datasets: SdtmDataset[];
  issues: readonly ExportIssue[];
  define: DefineMetadata;
  /** Writes one XPT file; called with one dataset at a time (one dataset per transport file). */
  writeXpt: (datasets: SdtmDataset[]) => Uint8Array;
  writeCsv: (dataset: SdtmDataset) => string | Uint8Array;
  /** Creation time written into define.xml, the workbook, README.txt and the ZIP entries. Default now. */
  createdAt?: Date;
  /** Define-XML stylesheet (e.g. CDISC's define2-1.xsl), stored beside define.xml and linked from it. */
  stylesheet?: { name: string; content: string | Uint8Array };
}

export interface PackageFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface SubmissionPackage {
  zip: Uint8Array;
  /** Every file except README.txt, in ZIP order. */
  files: PackageFile[];
}

export function sha256Hex(data: Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** A file name from free text: letters, digits, ".", "_" and "-" only. */
export function safeFileName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '');
  return safe || 'study';
}

const toBytes = (content: string | Uint8Array) => (typeof content === 'string' ? strToU8(content) : content);

export function writeSubmissionPackage(input: SubmissionPackageInput): SubmissionPackage {
  const createdAt = input.createdAt ?? new Date();
  const created = createdAt.toISOString().replace(/\.\d+Z$/, 'Z');
  const contents: [string, Uint8Array][] = [];
  const empty = input.datasets.filter((ds) => ds.rows.length === 0);
  const withData = input.datasets.filter((ds) => ds.rows.length > 0);
  const stylesheetName = input.stylesheet ? safeFileName(input.stylesheet.name) : undefined;

  for (const ds of withData) contents.push([`datasets/${ds.name.toLowerCase()}.xpt`, input.writeXpt([ds])]);
  for (const ds of withData) contents.push([`csv/${ds.name.toLowerCase()}.csv`, toBytes(input.writeCsv(ds))]);
  contents.push([
    `${safeFileName(input.study)}.xlsx`,
    writeXlsx(input.datasets, input.issues, { title: `SDTM datasets, study ${input.study}`, createdAt }),
  ]);
  const defineXml = writeDefineXml(
    {
      ...input.define,
      datasetHrefPrefix: 'datasets/',
      creationDateTime: input.define.creationDateTime ?? created,
      stylesheetHref: stylesheetName ?? null,
    },
    input.datasets,
  );
  contents.push(['define.xml', strToU8(defineXml)]);
  if (input.stylesheet && stylesheetName) contents.push([stylesheetName, toBytes(input.stylesheet.content)]);
  contents.push(['issues.csv', strToU8(writeIssuesCsv(input.issues))]);

  const files = contents.map(([path, data]) => ({ path, bytes: data.length, sha256: sha256Hex(data) }));
  const paths = new Set<string>();
  for (const f of files) {
    if (paths.has(f.path)) throw new Error(`Two package files would be named ${f.path}`);
    paths.add(f.path);
  }
  const readme = packageReadme(input, created, empty, files);
  const zippable: Zippable = {};
  for (const [path, data] of [...contents, ['README.txt', strToU8(readme)] as [string, Uint8Array]]) {
    zippable[path] = [data, { level: 6 }];
  }
  return { zip: zipSync(zippable, { mtime: createdAt }), files };
}

function packageReadme(
  input: SubmissionPackageInput,
  created: string,
  empty: SdtmDataset[],
  files: PackageFile[],
): string {
  const standard = input.define.standard ?? DEFAULT_STANDARD;
  const counts = input.datasets
    .filter((ds) => ds.rows.length > 0)
    .map((ds) => `${ds.name} (${ds.rows.length} record${ds.rows.length === 1 ? '' : 's'})`);
  const lines = [
    `imagEHR SDTM package — study ${input.study}`,
    `Created: ${created}`,
    `Standards: ${standard.name} ${standard.version}; CDISC CT ${input.define.ctVersion}; Define-XML ${DEFINE_VERSION}`,
    `Datasets: ${counts.join(', ') || 'none'}`,
  ];
  if (empty.length) {
    lines.push(
      `Datasets without records (no XPT or CSV file; def:HasNoData in define.xml): ${empty.map((d) => d.name).join(', ')}`,
    );
  }
  lines.push(
    `Conformance issues: ${input.issues.length} (issues.csv, and the Issues sheet of the workbook)`,
    '',
    'Files, with SHA-256 (sha256sum format: check with "sha256sum -c README.txt" in the unzipped folder):',
    ...files.map((f) => `${f.sha256}  ${f.path}`),
  );
  return lines.join('\n') + '\n';
}
