/**
 * Derives the committed SDTM standards data in lib/sdtm/standards/data/ from the CDISC files in
 * ../shared/reference (see lib/sdtm/standards/README.md for sources, versions and licences):
 *
 * - `sdtmig-3.4.json` from reference/sdtmig-3.4/Datasets.csv and Variables.csv (the CDISC Library export):
 *   per domain its label, class and structure, and per variable its order, name, label, type, role, core
 *   and codelist codes. CDISC notes, value lists and described value domains are left out.
 * - `sdtm-ct-2025-03-28.json` from reference/ct/SDTM_Terminology_2025-03-28.txt (NCI EVS): every codelist
 *   with its code, submission value, name and extensibility, and its terms as
 *   `[code, submissionValue, synonyms?]`. Definitions and NCI preferred terms are left out.
 *
 *   node --import tsx scripts/derive-sdtm-standards.ts [--reference ../shared/reference]
 *
 * The output is deterministic (sorted, no timestamps): running it twice gives identical files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseCsv } from '../lib/sdtm/csv/read-csv.ts';
import type {
  CtData,
  CtCodelistRecord,
  CtTermRecord,
  SdtmigData,
  SdtmigDomainRecord,
  SdtmigVariableRecord,
} from '../lib/sdtm/standards/standards-data.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { reference: { type: 'string', default: path.resolve(root, '../shared/reference') } },
});
const reference = path.resolve(values.reference!);
const outDir = path.join(root, 'lib/sdtm/standards/data');

function readCsvObjects(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
  return rows
    .filter((r) => r.length === header.length)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

function deriveSdtmig(): SdtmigData {
  const datasets = readCsvObjects(path.join(reference, 'sdtmig-3.4/Datasets.csv'));
  const variables = readCsvObjects(path.join(reference, 'sdtmig-3.4/Variables.csv'));
  const domains: Record<string, SdtmigDomainRecord> = {};
  for (const d of datasets) {
    if (d.Version !== 'SDTMIG v3.4') throw new Error(`unexpected version ${d.Version}`);
    domains[d['Dataset Name']] = {
      label: d['Dataset Label'],
      class: d.Class,
      structure: d.Structure,
      variables: [],
    };
  }
  for (const v of variables) {
    const domain = domains[v['Dataset Name']];
    if (!domain) throw new Error(`variable ${v['Variable Name']} of unknown dataset ${v['Dataset Name']}`);
    const core = v.Core;
    if (core !== 'Req' && core !== 'Exp' && core !== 'Perm') throw new Error(`bad core ${core}`);
    const type = v.Type;
    if (type !== 'Char' && type !== 'Num') throw new Error(`bad type ${type}`);
    const record: SdtmigVariableRecord = {
      order: Number(v['Variable Order']),
      name: v['Variable Name'],
      label: v['Variable Label'],
      type,
      role: v.Role,
      core,
    };
    const codelists = v['CDISC CT Codelist Code(s)']
      .split(';')
      .map((c) => c.trim())
      .filter(Boolean);
    if (codelists.length > 0) record.codelists = codelists;
    domain.variables.push(record);
  }
  for (const d of Object.values(domains)) d.variables.sort((a, b) => a.order - b.order);
  return {
    standard: 'SDTMIG',
    version: '3.4',
    source: 'CDISC Library export of SDTMIG v3.4 (Datasets.csv, Variables.csv)',
    domains,
  };
}

function deriveCt(): CtData {
  const text = fs.readFileSync(path.join(reference, 'ct/SDTM_Terminology_2025-03-28.txt'), 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  const header = lines[0].split('\t');
  const expected = ['Code', 'Codelist Code', 'Codelist Extensible (Yes/No)', 'Codelist Name'];
  if (expected.some((h, i) => header[i] !== h)) throw new Error(`unexpected header ${header.join('|')}`);
  const codelists = new Map<string, CtCodelistRecord>();
  const terms: string[][] = [];
  for (const line of lines.slice(1)) {
    const f = line.split('\t');
    if (f.length < 6) throw new Error(`short line: ${line}`);
    if (f[1] === '') {
      const extensible = f[2];
      if (extensible !== 'Yes' && extensible !== 'No') throw new Error(`bad extensible ${extensible}`);
      codelists.set(f[0], {
        code: f[0],
        submissionValue: f[4],
        name: f[3],
        extensible: extensible === 'Yes',
        terms: [],
      });
    } else terms.push(f);
  }
  for (const f of terms) {
    const list = codelists.get(f[1]);
    if (!list) throw new Error(`term ${f[0]} of unknown codelist ${f[1]}`);
    const synonyms = f[5]
      .split(';')
      .map((s) => s.trim())
      .filter((s) => s !== '' && s !== f[4]);
    const term: CtTermRecord = synonyms.length > 0 ? [f[0], f[4], synonyms] : [f[0], f[4]];
    list.terms.push(term);
  }
  const sorted = [...codelists.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const list of sorted) list.terms.sort((a, b) => a[1].localeCompare(b[1]));
  return {
    standard: 'SDTM CT',
    version: '2025-03-28',
    source: 'NCI EVS CDISC SDTM Terminology 2025-03-28 (SDTM Terminology.txt)',
    codelists: sorted,
  };
}

/** Compact JSON with one entry of `key` (a codelist, a domain) per line, so that diffs stay readable. */
function toJson(data: Record<string, unknown>, key: string): string {
  const head = Object.entries(data)
    .filter(([k]) => k !== key)
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
  const body = data[key];
  const entries = Array.isArray(body)
    ? body.map((v) => JSON.stringify(v))
    : Object.entries(body as Record<string, unknown>).map(
        ([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`,
      );
  const [open, close] = Array.isArray(body) ? ['[', ']'] : ['{', '}'];
  return `{${head.join(',')},${JSON.stringify(key)}:${open}\n${entries.join(',\n')}\n${close}}`;
}

function write(name: string, data: Record<string, unknown>, key: string): void {
  const file = path.join(outDir, name);
  const json = toJson(data, key);
  JSON.parse(json); // the hand-assembled JSON must parse
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(file, json + '\n');
  console.log(`wrote ${path.relative(root, file)} (${(json.length / 1024).toFixed(0)} KB)`);
}

const sdtmig = deriveSdtmig();
const ct = deriveCt();
const ctCodes = new Set(ct.codelists.map((c) => c.code));
const missing = Object.entries(sdtmig.domains).flatMap(([d, spec]) =>
  spec.variables.flatMap((v) =>
    (v.codelists ?? []).filter((c) => !ctCodes.has(c)).map((c) => `${d}.${v.name}:${c}`),
  ),
);
if (missing.length > 0)
  console.log(`codelists referenced by SDTMIG 3.4 but absent from CT: ${missing.join(', ')}`);
write('sdtmig-3.4.json', { ...sdtmig }, 'domains');
write('sdtm-ct-2025-03-28.json', { ...ct }, 'codelists');
