/**
 * Reads every .xpt and .csv SDTM dataset in a folder (not its subfolders), in file-name order. XPT files give
 * each of their members; a CSV file gives one dataset named after the file (upper-case, without extension),
 * typed and labelled from SDTMIG when the dataset — or its domain, for split datasets such as LBCH — is known.
 *
 * A missing folder, a folder without datasets, or a file that is not a readable XPT or CSV dataset raises
 * `SdtmFolderError` whose message names the folder or file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SdtmDataset } from './dataset.ts';
import { CsvFormatError, readCsv } from './csv/read-csv.ts';
import { domainSpec } from './standards/sdtmig.ts';
import { readXpt } from './xpt/read-xpt.ts';
import { XptFormatError } from './xpt/xpt-errors.ts';

export class SdtmFolderError extends Error {
  override readonly name = 'SdtmFolderError';
}

export interface SdtmFolderFile {
  file: string;
  datasets: SdtmDataset[];
}

/** A CSV dataset, typed and labelled from SDTMIG where the dataset (or its domain, for LBCH) is known. */
function readCsvDataset(file: string, bytes: Buffer): SdtmDataset {
  const name = path.basename(file, path.extname(file)).toUpperCase();
  const spec = domainSpec(name) ?? domainSpec(name.slice(0, 2));
  return readCsv(bytes, {
    name,
    label: spec?.label ?? '',
    variables: spec?.variables.map((v) => ({ name: v.name, label: v.label, type: v.type })),
  });
}

export function readSdtmFolder(dir: string): SdtmFolderFile[] {
  let entries: string[];
  try {
    if (!fs.statSync(dir).isDirectory()) throw new SdtmFolderError(`${dir} is not a folder`);
    entries = fs.readdirSync(dir);
  } catch (e) {
    if (e instanceof SdtmFolderError) throw e;
    throw new SdtmFolderError(`cannot read folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const files = entries.filter((f) => /\.(xpt|csv)$/i.test(f)).sort();
  if (files.length === 0) throw new SdtmFolderError(`no .xpt or .csv datasets in ${dir}`);
  return files.map((f) => {
    const file = path.join(dir, f);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      throw new SdtmFolderError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    try {
      return { file, datasets: /\.xpt$/i.test(f) ? readXpt(bytes) : [readCsvDataset(file, bytes)] };
    } catch (e) {
      if (e instanceof XptFormatError || e instanceof CsvFormatError) {
        throw new SdtmFolderError(`${file}: not a readable SDTM dataset: ${e.message}`);
      }
      throw e;
    }
  });
}
