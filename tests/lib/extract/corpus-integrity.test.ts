import { describe, expect, it } from 'vitest';
import { codelist } from '../../../lib/sdtm/standards/controlled-terminology.ts';
import type { ExtractedFinding } from '../../../lib/extract/contract.ts';
import { EXTRACTOR_ID, EXTRACTOR_VERSION, extractFindings } from '../../../lib/extract/extract-findings.ts';
import { aciNotes, hasCorpus, mtsamplesNotes, syntheaNotes } from './corpus.ts';

/** The submission values of a CDISC codelist (lib/sdtm/standards). */
const ctValues = (name: string) => codelist(name)!.terms.map((t) => t.submissionValue);

const KINDS = new Set([
  'demographic',
  'vital_sign',
  'medication',
  'allergy',
  'condition',
  'symptom',
  'lab',
  'procedure',
  'imaging',
  'date',
]);
const ASSERTIONS = new Set(['present', 'negated', 'possible', 'historical', 'family', 'hypothetical']);
const CT_VARIABLES: Record<string, string[]> = {
  VSTESTCD: ctValues('VSTESTCD'),
  VSORRESU: ctValues('VSRESU'),
  VSSTRESU: ctValues('VSRESU'),
  LBTESTCD: ctValues('LBTESTCD'),
  LBNRIND: ctValues('NRIND'),
  CMDOSU: ctValues('UNIT'),
  CMROUTE: ctValues('ROUTE'),
  CMDOSFRQ: ctValues('FREQ'),
  CMDOSFRM: ctValues('FRM'),
  CMENRTPT: ctValues('STENRF'),
  CMSTRTPT: ctValues('STENRF'),
  AGEU: ctValues('AGEU'),
  SEX: ctValues('SEX'),
  RACE: ctValues('RACE'),
  ETHNIC: ctValues('ETHNIC'),
  PRDECOD: ctValues('PROCEDUR'),
};

/** Every property the contract promises, checked for one note. */
function checkNote(text: string, findings: ExtractedFinding[]): string[] {
  const problems: string[] = [];
  let previous = -1;
  for (const f of findings) {
    const where = `${f.kind}@${f.start}`;
    if (f.text !== text.slice(f.start, f.end)) problems.push(`${where}: text is not text.slice(start, end)`);
    if (!(f.start >= 0 && f.end > f.start && f.end <= text.length)) problems.push(`${where}: bad offsets`);
    if (f.start < previous) problems.push(`${where}: findings not sorted by start`);
    previous = f.start;
    if (!KINDS.has(f.kind)) problems.push(`${where}: kind ${f.kind}`);
    if (!ASSERTIONS.has(f.assertion)) problems.push(`${where}: assertion ${f.assertion}`);
    if (f.negated !== (f.assertion === 'negated')) problems.push(`${where}: negated flag`);
    if (!(f.confidence > 0 && f.confidence <= 1)) problems.push(`${where}: confidence ${f.confidence}`);
    for (const [name, allowed] of Object.entries(CT_VARIABLES)) {
      const v = f.variables[name];
      if (v !== undefined && !allowed.includes(String(v))) problems.push(`${where}: ${name}=${v} not in CT`);
    }
    if (f.variables.VSSTRESN !== undefined && String(f.variables.VSSTRESN) !== f.variables.VSSTRESC)
      problems.push(`${where}: VSSTRESC/VSSTRESN differ`);
    if (f.kind === 'condition' || f.kind === 'symptom') {
      const code = f.code?.code ?? '';
      const ok =
        f.code?.system === 'http://snomed.info/sct'
          ? /^\d{6,18}$/.test(code)
          : f.code?.system === 'http://hl7.org/fhir/sid/icd-10-cm' &&
            /^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/.test(code);
      if (!ok) problems.push(`${where}: code ${f.code?.system} ${code}`);
    }
  }
  return problems;
}

describe.skipIf(!hasCorpus)('extraction over the public corpus', () => {
  const corpora = hasCorpus
    ? { mtsamples: mtsamplesNotes(), aci: aciNotes(), synthea: syntheaNotes() }
    : { mtsamples: [], aci: [], synthea: [] };

  it.each(Object.keys(corpora))('keeps the contract on every %s note (spans, CT values, codes)', (name) => {
    const notes = corpora[name as keyof typeof corpora];
    expect(notes.length).toBeGreaterThan(150);
    let total = 0;
    const problems: string[] = [];
    for (const note of notes) {
      const result = extractFindings(note.text);
      expect(result.extractor).toEqual({ id: EXTRACTOR_ID, version: EXTRACTOR_VERSION });
      total += result.findings.length;
      for (const p of checkNote(note.text, result.findings)) problems.push(`${note.id}: ${p}`);
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(total).toBeGreaterThan(notes.length * 3);
  });

  it('is deterministic: the same note gives the same JSON', () => {
    for (const note of corpora.mtsamples.slice(0, 60)) {
      expect(JSON.stringify(extractFindings(note.text))).toBe(JSON.stringify(extractFindings(note.text)));
    }
  });

  it('finds something of every kind across the corpus', () => {
    const kinds = new Set<string>();
    for (const note of [...corpora.mtsamples, ...corpora.aci, ...corpora.synthea])
      for (const f of extractFindings(note.text).findings) kinds.add(f.kind);
    expect([...kinds].sort()).toEqual([...KINDS].sort());
  });
});
