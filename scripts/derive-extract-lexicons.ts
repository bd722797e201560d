/**
 * Derives the compact lexicons of the local clinical NLP extractor (lib/extract/data/*.json) from the public corpus
 * in ../shared/corpus plus the engineer-curated inputs in lib/extract/data/curated/. Provenance and licences:
 * lib/extract/data/SOURCES.md. Deterministic: inputs are read in sorted order and every output is sorted.
 *   node --import tsx scripts/derive-extract-lexicons.ts
 * Fails (exit 1) when a curated ICD-10-CM code is missing or not billable, or a curated CDISC code is not in CT.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { normalizePhrase } from '../lib/extract/tokens.ts';
import { parseCsvRecords } from '../bench/extract-dev/csv.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../shared/corpus');
const DATA = path.resolve(import.meta.dirname, '../lib/extract/data');
const CURATED = path.join(DATA, 'curated');

type Json = Record<string, any>;
const problems: string[] = [];

// ---------------------------------------------------------------------------------------------------------------
// Small readers

function readText(file: string): string {
  const buf = fs.readFileSync(file);
  return (file.endsWith('.gz') ? zlib.gunzipSync(buf) : buf).toString('utf8');
}

/** A CSV file as rows of objects keyed by its header. */
function readCsv(file: string): Record<string, string>[] {
  return parseCsvRecords(readText(file));
}

function readTsv(file: string): string[][] {
  return readText(file)
    .split(/\r?\n/)
    .filter((l) => l.length > 0)
    .map((l) => l.split('\t'));
}

const curated = (name: string): Json => JSON.parse(fs.readFileSync(path.join(CURATED, name), 'utf8'));

function sortedObject<T>(entries: Iterable<[string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function writeJson(name: string, value: unknown): void {
  const file = path.join(DATA, name);
  fs.writeFileSync(file, JSON.stringify(value) + '\n');
  console.log(`${name}: ${fs.statSync(file).size.toLocaleString()} bytes`);
}

// ---------------------------------------------------------------------------------------------------------------
// CDISC CT (subset TSV: Code, Codelist Code, Extensible, Codelist Name, Submission Value, Synonyms, ...)

const ctRows = readTsv(path.join(CORPUS, 'codes/cdisc_ct/sdtm_ct_subset_2025-03-25.tsv')).slice(1);
const ctFull = readTsv(path.join(CORPUS, 'codes/cdisc_ct/sdtm_terminology_2025-03-25.txt.gz')).slice(1);
const codelist = (rows: string[][], id: string) => rows.filter((r) => r[1] === id);
const values = (rows: string[][], id: string) => codelist(rows, id).map((r) => r[4]);

// Submission values, to check the curated lexicons against (at run time the product reads CT from
// lib/sdtm/standards).
const ct = {
  ROUTE: values(ctRows, 'C66729'),
  FREQ: values(ctRows, 'C71113'),
  FRM: values(ctRows, 'C66726'),
  UNIT: values(ctRows, 'C71620'),
  VSTESTCD: values(ctRows, 'C66741'),
  VSRESU: values(ctRows, 'C66770'),
  LBTESTCD: values(ctRows, 'C65047'),
  AGEU: values(ctRows, 'C66781'),
  SEX: values(ctRows, 'C66731'),
  RACE: values(ctRows, 'C74457'),
  ETHNIC: values(ctRows, 'C66790'),
  STENRF: values(ctRows, 'C66728'),
  NRIND: values(ctFull, 'C78736'),
  PROCEDUR: values(ctFull, 'C101858'),
};
for (const [, v] of Object.entries(ct)) if (Array.isArray(v)) v.sort();

// ---------------------------------------------------------------------------------------------------------------
// Conditions: ICD-10-CM FY2021 billable codes → surface terms, plus the curated synonym layer

const icdRows = readCsv(path.join(CORPUS, 'codes/icd10cm/icd10cm_order_fy2021.csv.gz'));
const icd = new Map(icdRows.map((r) => [r.code, r]));
const dotted = (code: string) => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);

const conditionCurated = curated('condition-synonyms.json');
const conditionStop = new Set<string>((conditionCurated.stop as string[]).map(normalizePhrase));

/** Variants of one ICD description that a clinician could write; `preferred` marks the "unspecified" default. */
function icdVariants(description: string): { term: string; preferred: boolean }[] {
  let d = description.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^(other|others)\b|\bother specified\b|\bnot elsewhere classified\b.*,/.test(d)) return [];
  if (/, (subsequent encounter|sequela)/.test(d)) return [];
  d = d.replace(/, initial encounter( for (closed|open) fracture)?$/, '');
  let preferred = false;
  const strip = (re: RegExp) => {
    const next = d.replace(re, '');
    if (next !== d) {
      d = next;
      preferred = true;
    }
  };
  strip(/,? not elsewhere classified$/);
  strip(/, site not specified$/);
  strip(/, unspecified (site|organism|type|ear|eye|side|part|region|laterality)$/);
  strip(/,? unspecified$/);
  strip(/^unspecified /);
  strip(/, uncomplicated$/);
  strip(/ without complications?$/);
  strip(/, not intractable, without status \w+$/);
  // "Trigger finger, unspecified finger", "Medial epicondylitis, unspecified elbow": the site-free phrase.
  strip(/, unspecified [a-z' -]{2,30}$/);
  const out = new Set<string>();
  const bracket = /\[([^\]]+)\]/.exec(d);
  if (bracket) out.add(bracket[1]);
  d = d.replace(/\s*\[[^\]]*\]/g, '');
  out.add(d.replace(/\s*\([^)]*\)/g, ''));
  out.add(d.replace(/[()]/g, ''));
  const pain = /^(pain|swelling|stiffness|effusion) (?:in|of) (?:unspecified )?(.+)$/.exec(d);
  if (pain) out.add(`${pain[2]} ${pain[1]}`);
  return [...out]
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter((t) => t.length > 2 && !/unspecified|\bother\b|,/.test(t))
    .map((term) => ({ term, preferred }));
}

const icdTerms = new Map<string, { code: string; preferred: boolean }>();
for (const r of icdRows) {
  if (r.billable !== '1' || /^[V-Z]/.test(r.code)) continue;
  // A description that is one word ("Nocturia", "Cardiomegaly") is the name of the condition itself.
  const oneWord = !/\s/.test(r.long.trim());
  for (const { term, preferred } of icdVariants(r.long)) {
    const key = normalizePhrase(term);
    const words = key.split(' ');
    if (words.length > 6 || conditionStop.has(key)) continue;
    if (words.length === 1 && (key.length < 5 || !(preferred || oneWord))) continue;
    const prev = icdTerms.get(key);
    const better =
      !prev ||
      (preferred && !prev.preferred) ||
      (preferred === prev.preferred &&
        (r.code.length < prev.code.length || (r.code.length === prev.code.length && r.code < prev.code)));
    if (better) icdTerms.set(key, { code: r.code, preferred });
  }
}

/**
 * Head terms: the condition word(s) that open many billable descriptions ("Contusion of …", "Colles' fracture of
 * …", "Hemiplegia affecting …"), used alone in notes. A head opening at least 3 billable codes becomes a term, with
 * the code of its most generic description (one that says "unspecified", then the shortest code). Qualifier and
 * mechanism heads ("other fracture", "toxic effect", "underdosing") are left out.
 */
const HEAD_RE =
  /^([a-z][a-z'-]+(?: [a-z][a-z'-]+)?)(?: of | in | due to |, | with | without | involving | following | affecting |$)/;
const HEAD_FIRST_WORD_STOP = new Set(
  'other unspecified toxic adverse external multiple combined residual abnormal postprocedural corrosions corrosion underdosing displacement leakage supervision sedative separation effect effects changes finding defects complication complications disorder disorders disease diseases infection infections lesion lesions sequelae exposure abuse pregnancy endocrine deficiency fusion erosion exhaustion instability enlargement eversion gastric coma bent open partial complete premature congenital obstructed term twin triplet quadruplet preterm neonatal papyraceous direct loose flail malposition absence'.split(
    ' ',
  ),
);
const headCodes = new Map<string, { code: string; generic: boolean }[]>();
for (const r of icdRows) {
  if (r.billable !== '1' || /^[V-Z]/.test(r.code)) continue;
  const m = HEAD_RE.exec(r.long.toLowerCase());
  if (!m) continue;
  const head = normalizePhrase(m[1]);
  if (head.length < 5 || HEAD_FIRST_WORD_STOP.has(head.split(' ')[0]) || conditionStop.has(head)) continue;
  let list = headCodes.get(head);
  if (!list) headCodes.set(head, (list = []));
  list.push({ code: r.code, generic: /unspecified/i.test(r.long) });
}
let headTermCount = 0;
for (const [head, list] of [...headCodes].sort(([a], [b]) => (a < b ? -1 : 1))) {
  if (list.length < 3 || icdTerms.has(head)) continue;
  const best = [...list].sort(
    (a, b) =>
      Number(b.generic) - Number(a.generic) ||
      a.code.length - b.code.length ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  )[0];
  icdTerms.set(head, { code: best.code, preferred: true });
  headTermCount++;
}
console.log(`ICD-10-CM head terms: ${headTermCount}`);

const conditionTerms = new Map<string, string>();
for (const [term, v] of icdTerms) conditionTerms.set(term, v.code);
const checkIcd = (code: string, where: string) => {
  const row = icd.get(code);
  if (!row) problems.push(`${where}: ICD-10-CM ${code} not in the FY2021 code list`);
  else if (row.billable !== '1') problems.push(`${where}: ICD-10-CM ${code} is not billable`);
};
for (const [term, code] of Object.entries(conditionCurated.terms as Record<string, string>)) {
  checkIcd(code, `condition-synonyms "${term}"`);
  conditionTerms.set(normalizePhrase(term), code);
}
const conditionCaseSensitive = new Map<string, string>();
for (const [abbr, code] of Object.entries(conditionCurated.caseSensitive as Record<string, string>)) {
  checkIcd(code, `condition-synonyms "${abbr}"`);
  conditionCaseSensitive.set(abbr, code);
}
/**
 * Synthea condition names (SNOMED CT descriptions in conditions.csv, e.g. "Normal pregnancy", "Tick bite (disorder)",
 * "Escherichia coli urinary tract infection") for phrasings that no ICD-10-CM term covers. They keep their SNOMED
 * code. Social determinants, situations and administrative findings are not conditions (GUIDELINES: not annotated)
 * and are left out.
 */
const SNOMED_SKIP =
  /\((situation|regime\/therapy|procedure|observable entity)\)|employ|education|school|criminal|violence|isolation|social|housing|labor force|abuse \(finding\)|victim|risk activity|misuses|died|medication review|received|certificate|smokes|tobacco|requested|history of|suspected|fetus with/i;
const snomedTerms = new Map<string, { code: string; display: string }>();
for (const dir of ['csv_massachusetts_2024', 'csv_synthea_v2.2_2018_partial']) {
  const rows = readCsv(path.join(CORPUS, 'synthea', dir, 'conditions.csv'));
  for (const r of [...rows].sort((a, b) => (a.CODE < b.CODE ? -1 : a.CODE > b.CODE ? 1 : 0))) {
    if (SNOMED_SKIP.test(r.DESCRIPTION)) continue;
    const name = r.DESCRIPTION.replace(/\s*\((disorder|finding|morphologic abnormality)\)/g, '').trim();
    const key = normalizePhrase(name);
    const words = key.split(' ');
    if (!key || words.length > 8 || conditionStop.has(key)) continue;
    if (words.length === 1 && key.length < 5) continue;
    if (conditionTerms.has(key) || snomedTerms.has(key)) continue;
    snomedTerms.set(key, { code: r.CODE, display: r.DESCRIPTION });
  }
}
console.log(`SNOMED CT terms from Synthea conditions: ${snomedTerms.size}`);

const usedCodes = new Set([...conditionTerms.values(), ...conditionCaseSensitive.values()]);

writeJson('conditions.json', {
  _source:
    'CMS ICD-10-CM FY2021 order file (public domain) + Synthea conditions.csv SNOMED CT names (Apache-2.0) + lib/extract/data/curated/condition-synonyms.json',
  system: 'http://hl7.org/fhir/sid/icd-10-cm',
  codes: sortedObject([...usedCodes].map((c) => [dotted(c), icd.get(c)?.long ?? ''])),
  terms: sortedObject([...conditionTerms].map(([t, c]) => [t, dotted(c)])),
  caseSensitive: sortedObject([...conditionCaseSensitive].map(([t, c]) => [t, dotted(c)])),
  snomedSystem: 'http://snomed.info/sct',
  snomed: sortedObject([...snomedTerms].map(([t, v]) => [t, [v.code, v.display]])),
  curated: Object.keys(conditionCurated.terms as Record<string, string>)
    .map(normalizePhrase)
    .sort(),
});

// ---------------------------------------------------------------------------------------------------------------
// Drugs: ingredient and brand names from Synthea, FHIR MedicationRequest codings, MIMIC-IV demo `drug` (names only)

const drugCurated = curated('drug-names.json');
const drugStop = new Set<string>((drugCurated.stop as string[]).map(normalizePhrase));
const SALTS = new Set(
  'hydrochloride hcl sodium potassium calcium magnesium succinate tartrate besylate maleate mesylate acetate bitartrate citrate sulfate fumarate bromide hydrobromide phosphate monohydrate dihydrate trihydrate disodium chloride carbonate hyclate propionate furoate dipropionate valerate tromethamine hemifumarate oxalate etexilate medoxomil cilexetil axetil pivoxil xinafoate monosodium decanoate palmitate'.split(
    ' ',
  ),
);
const IONS = new Set(
  'sodium potassium calcium magnesium lithium zinc iron ferrous ferric aluminum'.split(' '),
);
const FORM_WORDS =
  /\b(oral|tablets?|capsules?|injection|injectable|solution|suspension|inhaler|inhalant|inhalation|powder|metered|dose|dry|prefilled|syringe|pen|injector|auto|topical|cream|ointment|lotion|gel|patch|transdermal|system|extended|delayed|release|chewable|disintegrating|mucosal|spray|nasal|ophthalmic|otic|vaginal|rectal|suppository|drug|implant|intrauterine|ring|day|pack|kit|liquid|elixir|syrup|drops?|enema|film|lozenge|granules|packet|modified|sublingual|buccal|effervescent|coated|film|concentrate|piggyback|premix|mini|bag|plus|vial|flush|soln|neb|nebulizer|mdi|hfa|diskus|respimat|ellipta|iv|po|pr|sl|sc|im|ng|tube|replacement|drip|bolus|protocol|desensitization|dwell|sr|er|xl|xr|cr|la|dr|ec|odt|ds|ss|ir|hp|pca|critical|care|oncology|ciwa|sliding|scale|heart|failure|hyperkalemia|alcohol|withdrawal|taper|icu|tab|susp|vag|supps|oint|preserv|free|nf|sndz|singles|fiber|chl|sod|succ|monohyd|infatab|sprinkles|e|r|u|and|for|w|with|in|of|the|by|via|per)\b/g;

/** Ingredient names from one RxNorm-style description ("24 HR metoprolol succinate 100 MG Extended ... [Toprol]"). */
function rxnormNames(description: string): { names: string[]; brand?: string } {
  const brandMatch = /\[([^\]]+)\]/.exec(description);
  const body = description.replace(/\[[^\]]*\]/g, ' ');
  const names: string[] = [];
  for (const part of body.split(/\s\/\s/)) {
    const words = part.trim().split(/\s+/);
    while (words.length && /^(\d|NDA\d|abuse-deterrent|hr|ml|actuat|mg|unt|meq|%)/i.test(words[0]))
      words.shift();
    const kept: string[] = [];
    for (const w of words) {
      if (/\d/.test(w)) break;
      kept.push(w);
    }
    const name = kept.join(' ').toLowerCase().replace(FORM_WORDS, ' ').replace(/\s+/g, ' ').trim();
    if (name) names.push(name);
  }
  const brand = brandMatch?.[1].toLowerCase().trim();
  return { names, brand };
}

/** Words that mark a MIMIC parenthetical as a description ("(Liquid)", "(CRRT Machine Priming)") rather than a brand. */
const PAREN_DESCRIPTOR =
  /\b(acd|buffered|catheter|clearance|chemo|crrt|machine|priming|cvicu|protocol|release|dental|gel|disintegrating|tablet|excel|bag|intubation|for|hemodialysis|hypertonic|iabp|immediate|iso|osmotic|dextrose|liquid|menthol|mineral|oil|mini|plus|once|daily|oncology|oral|solution|phenol|powder|rectal|regular|sore|throat|lozenge|sugar|free|suspension|sustained|extended|delayed|glydo|urojet)\b/;

/** Ingredient (and bracketed brand) names from one MIMIC `drug` string ("metronidazole (flagyl)"). */
function mimicNames(drug: string): { names: string[]; brands: string[] } {
  let d = drug.toLowerCase();
  const brands: string[] = [];
  for (const m of d.matchAll(/\(([a-z][a-z -]{2,20})\)/g)) {
    const b = m[1].trim();
    if (!PAREN_DESCRIPTOR.test(b)) brands.push(b);
  }
  d = d.replace(/\([^)]*\)/g, ' ');
  d = d.replace(/\d.*$/, ' ');
  d = d.replace(/[%*]/g, ' ').replace(FORM_WORDS, ' ').replace(/\s+/g, ' ').trim();
  const names = [d];
  if (/^[a-z]+-[a-z]+$/.test(d)) names.push(...d.split('-'));
  return { names: names.filter((n) => /^[a-z][a-z ,'\-/.]{2,40}$/.test(n)), brands };
}

const drugNames = new Map<string, string>();
const addDrug = (surface: string, generic: string) => {
  const key = normalizePhrase(surface);
  if (key.length < 3 || drugStop.has(key) || /^\d/.test(key)) return;
  if (!drugNames.has(key)) drugNames.set(key, normalizePhrase(generic));
};
const addIngredient = (name: string) => {
  addDrug(name, name);
  const words = name.split(' ');
  if (words.length > 1 && SALTS.has(words[words.length - 1])) {
    const base = words.slice(0, -1).join(' ');
    if (!IONS.has(base) && base.length >= 4) addDrug(base, base);
  }
};

const descriptions: string[] = [];
for (const dir of ['csv_massachusetts_2024', 'csv_synthea_v2.2_2018_partial']) {
  for (const file of ['medications.csv', 'medications.csv.gz']) {
    const f = path.join(CORPUS, 'synthea', dir, file);
    if (fs.existsSync(f)) for (const r of readCsv(f)) descriptions.push(r.DESCRIPTION);
  }
}
const collectCodings = (resource: Json) => {
  if (resource?.resourceType !== 'MedicationRequest') return;
  for (const c of resource.medicationCodeableConcept?.coding ?? [])
    if (c.display) descriptions.push(c.display);
};
for (const dir of ['fhir_r4_synthea_hiv', 'fhir_r4_massachusetts_2024', 'fhir_r4_covid_juvenile']) {
  const full = path.join(CORPUS, 'synthea', dir);
  for (const file of fs.readdirSync(full).sort()) {
    if (!/\.json(\.gz)?$/.test(file)) continue;
    const bundle = JSON.parse(readText(path.join(full, file)));
    for (const e of bundle.entry ?? []) collectCodings(e.resource);
  }
}
for (const line of readText(
  path.join(CORPUS, 'synthea/bulk_ndjson_10_patients/MedicationRequest.000.ndjson.gz'),
).split('\n'))
  if (line.trim()) collectCodings(JSON.parse(line));

for (const desc of [...new Set(descriptions)].sort()) {
  const { names, brand } = rxnormNames(desc);
  for (const n of names) addIngredient(n);
  if (brand && names.length) addDrug(brand, names.join('/'));
}
const mimicDrugs = [
  ...new Set(
    readCsv(path.join(CORPUS, 'mimic/mimic_iv_demo_2.2/hosp/prescriptions.csv.gz')).map((r) => r.drug),
  ),
].sort();
for (const drug of mimicDrugs) {
  const { names, brands } = mimicNames(drug);
  for (const n of names) addIngredient(n);
  if (names.length) for (const b of brands) addDrug(b, names[0]);
}
for (const g of drugCurated.generics as string[]) drugNames.set(normalizePhrase(g), normalizePhrase(g));
for (const [brand, generic] of Object.entries(drugCurated.brands as Record<string, string>))
  drugNames.set(normalizePhrase(brand), normalizePhrase(generic));
for (const s of drugStop) drugNames.delete(s);
/** Drug classes ("beta-blocker", "antibiotics"): weak names; CMTRT keeps the class as written. */
const drugClasses = (drugCurated.classes as string[]).map(normalizePhrase);
for (const c of drugClasses) if (!drugNames.has(c)) drugNames.set(c, c);

writeJson('drugs.json', {
  _source:
    'Synthea medications.csv + FHIR MedicationRequest codings (Apache-2.0/CC0), MIMIC-IV demo prescriptions.drug (ODbL 1.0, names only), lib/extract/data/curated/drug-names.json',
  names: sortedObject(drugNames),
  caseSensitive: sortedObject(
    Object.entries(drugCurated.abbreviations as Record<string, string>).map(([a, g]) => [
      a,
      normalizePhrase(g),
    ]),
  ),
  weak: [
    ...new Set([
      ...(drugCurated.weak as string[]).map((w) => (/[A-Z]/.test(w) ? w : normalizePhrase(w))),
      ...drugClasses,
    ]),
  ].sort(),
});

// ---------------------------------------------------------------------------------------------------------------
// Allergens and reactions

const allergenCurated = curated('allergens.json');
const substances = new Set<string>((allergenCurated.substances as string[]).map(normalizePhrase));
for (const dir of ['csv_massachusetts_2024', 'csv_synthea_v2.2_2018_partial']) {
  for (const r of readCsv(path.join(CORPUS, 'synthea', dir, 'allergies.csv'))) {
    const d = r.DESCRIPTION.toLowerCase()
      .replace(/\s*\((substance|organism|finding|disorder)\)/g, '')
      .trim();
    const m = /^allergy to (.+)$/.exec(d) ?? /^(.+?) allergy$/.exec(d);
    const name = m ? m[1] : /\(/.test(r.DESCRIPTION) ? d : '';
    if (name && name !== 'substance') substances.add(normalizePhrase(name.replace(/\(animal\)/, '')));
  }
}
/** "Allergy to peanuts" is also written "allergic to peanut": add the other number of the last word. */
for (const name of [...substances]) {
  const words = name.split(' ');
  const last = words[words.length - 1];
  if (last.length < 4 || !/^[a-z]+$/.test(last)) continue;
  const other = last.endsWith('s') ? (last.endsWith('ss') ? '' : last.slice(0, -1)) : `${last}s`;
  if (other) substances.add([...words.slice(0, -1), other].join(' '));
}
writeJson('allergens.json', {
  _source: 'Synthea allergies.csv (Apache-2.0) + lib/extract/data/curated/allergens.json',
  substances: [...substances].filter(Boolean).sort(),
  reactions: [...new Set((allergenCurated.reactions as string[]).map(normalizePhrase))].sort(),
});

// ---------------------------------------------------------------------------------------------------------------
// Lab tests (LBTESTCD C65047 / LBTEST C67154 paired by concept code)

const lbtestByConcept = new Map(codelist(ctRows, 'C67154').map((r) => [r[0], r[4]]));
const labTests = (curated('lab-tests.json').tests as Json[]).map((t) => {
  const row = codelist(ctRows, 'C65047').find((r) => r[4] === t.code);
  if (!row) problems.push(`lab-tests: LBTESTCD ${t.code} not in CT`);
  return {
    code: t.code,
    test: row ? (lbtestByConcept.get(row[0]) ?? '') : '',
    names: [...new Set((t.names as string[]).map(normalizePhrase))].sort(),
    caseSensitive: (t.caseSensitive as string[] | undefined) ?? [],
  };
});
writeJson('labs.json', { _source: 'CDISC CT 2025-03-28 LBTESTCD/LBTEST + curated names', tests: labTests });

// ---------------------------------------------------------------------------------------------------------------
// Procedures and imaging

const procCurated = curated('procedures.json');
const procedureTerms = new Map<string, [string, string]>();
const addProcedure = (kind: string, name: string, prdecod: string) => {
  if (prdecod && !ct.PROCEDUR.includes(prdecod)) problems.push(`procedures: PROCEDUR "${prdecod}" not in CT`);
  procedureTerms.set(normalizePhrase(name), [kind, prdecod]);
};
const PROCEDURE_WORD =
  /(ectomy|otomy|ostomy|plasty|scopy|graphy|biopsy|x-ray|ultrasound|ligation|transplant|replacement|insertion|excision|repair|amputation|episiotomy)\b/i;
for (const r of readCsv(path.join(CORPUS, 'synthea/csv_massachusetts_2024/procedures.csv'))) {
  const name = r.DESCRIPTION.replace(/\s*\((procedure|regime\/therapy)\)/g, '').trim();
  if (
    PROCEDURE_WORD.test(name) &&
    name.split(/\s+/).length <= 5 &&
    !/referral|education|assessment/i.test(name)
  ) {
    const kind = /x-ray|ultrasound|graphy|radiography/i.test(name) ? 'imaging' : 'procedure';
    if (!procedureTerms.has(normalizePhrase(name))) addProcedure(kind, name, '');
  }
}
for (const [name, prdecod] of Object.entries(procCurated.imaging as Record<string, string>))
  addProcedure('imaging', name, prdecod);
for (const [name, prdecod] of Object.entries(procCurated.procedures as Record<string, string>))
  addProcedure('procedure', name, prdecod);
writeJson('procedures.json', {
  _source: 'Synthea procedures.csv (Apache-2.0) + curated names; PRDECOD from CDISC PROCEDUR (C101858)',
  terms: sortedObject(procedureTerms),
  upperCaseOnly: (procCurated.upperCaseOnly as string[]).map(normalizePhrase).sort(),
});

// ---------------------------------------------------------------------------------------------------------------
// ConText rules: medspacy context_rules_en.json (MIT) expanded to phrases, plus curated additions

interface PatternToken {
  LOWER?: string | { IN: string[] };
  OP?: string;
}
function expandPattern(pattern: PatternToken[]): string[] {
  let acc: string[][] = [[]];
  for (const tok of pattern) {
    const lower = tok.LOWER;
    const options = typeof lower === 'string' ? [lower] : (lower?.IN ?? []);
    const next: string[][] = [];
    for (const prefix of acc) {
      for (const o of options) next.push([...prefix, o]);
      if (tok.OP === '?') next.push(prefix);
    }
    acc = next;
  }
  return acc.map((p) => p.join(' '));
}

/** medspacy rules left out: over-broad or handled by curated rules (see SOURCES.md). */
const MEDSPACY_SKIP = new Set([
  'family',
  ': none',
  ': no',
  'history',
  'h/o',
  'past history',
  'return',
  'as needed',
]);
const ruleMap = new Map<
  string,
  { category: string; direction: string; maxScope?: number; phrases: Set<string> }
>();
const addRule = (category: string, direction: string, phrase: string, maxScope?: number) => {
  const norm = normalizePhrase(phrase);
  if (!norm) return;
  const key = `${category}|${direction}|${maxScope ?? ''}`;
  let rule = ruleMap.get(key);
  if (!rule) ruleMap.set(key, (rule = { category, direction, maxScope, phrases: new Set() }));
  rule.phrases.add(norm);
};
const contextExtra = curated('context-rules-extra.json').rules as Json[];
/** A phrase the curated file assigns a category wins over medspacy's category for the same phrase. */
const curatedTriggers = new Set(
  contextExtra
    .filter((r) => r.direction !== 'TERMINATE')
    .flatMap((r) => (r.phrases as string[]).flatMap((a) => a.split('|').map(normalizePhrase))),
);
const medspacy = JSON.parse(readText(path.join(CORPUS, 'notes/medspacy/context_rules_en.json')))
  .context_rules as Json[];
for (const r of medspacy) {
  if (MEDSPACY_SKIP.has(r.literal)) continue;
  const phrases = r.pattern ? expandPattern(r.pattern) : [r.literal];
  const maxScope = r.direction === 'BACKWARD' ? 6 : undefined;
  for (const p of phrases)
    if (r.direction === 'TERMINATE' || !curatedTriggers.has(normalizePhrase(p)))
      addRule(r.category, r.direction, p, maxScope);
}
for (const r of contextExtra)
  for (const alternatives of r.phrases as string[])
    for (const p of alternatives.split('|')) addRule(r.category, r.direction, p, r.maxScope);
writeJson('context-rules.json', {
  _source:
    'medspacy/medspacy resources/en/context_rules.json (MIT), expanded; + curated/context-rules-extra.json',
  rules: [...ruleMap.values()]
    .map((r) => ({ ...r, phrases: [...r.phrases].sort() }))
    .sort((a, b) => `${a.category}|${a.direction}`.localeCompare(`${b.category}|${b.direction}`)),
});

// ---------------------------------------------------------------------------------------------------------------
// Section headers: medspacy section_patterns_en.json (MIT) + curated

const sectionCurated = curated('section-headers.json');
const headers = new Map<string, string>();
const medspacySections = JSON.parse(readText(path.join(CORPUS, 'notes/medspacy/section_patterns_en.json')))
  .section_rules as Json[];
for (const r of medspacySections) {
  const section = sectionCurated.medspacyCategories[r.category];
  if (!section) problems.push(`section-headers: no mapping for medspacy category ${r.category}`);
  else headers.set(normalizePhrase(r.literal), section);
}
for (const [h, s] of Object.entries(sectionCurated.headers as Record<string, string>))
  headers.set(normalizePhrase(h), s);
headers.delete('');
writeJson('section-headers.json', {
  _source: 'medspacy/medspacy resources/en/section_patterns.json (MIT) + curated/section-headers.json',
  headers: sortedObject(headers),
  subsections: [...new Set((sectionCurated.subsections as string[]).map(normalizePhrase))].sort(),
});

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
