/**
 * The plain-text clinical encounter note built from a reviewed document. Structured parts (medications,
 * allergies, vitals, diagnostics, problems) come only from findings a person accepted or edited; narrative
 * parts (chief complaint, HPI, social history, exam, assessment, plan, follow-up) are the source document's own
 * sections, quoted. Nothing is invented: a part with no source says "Not documented."
 */
import { findSections, type Section } from '../extract/sections.ts';

export interface NoteFinding {
  kind: string;
  status: string;
  label: string;
  value: string | null;
  unit: string | null;
  code: string | null;
  assertion: string;
  variables: Record<string, unknown> | null;
  spanStart: number | null;
}

export interface NoteInput {
  patient: { pseudonym: string; sex: string };
  document: { title: string; createdAt: Date; text: string };
  findings: NoteFinding[];
  reviewers: { name: string; at: Date }[];
}

const NOT_DOCUMENTED = 'Not documented.';

function sectionText(text: string, sections: Section[], names: string[]): string | null {
  const parts = sections
    .filter((s) => s.name && names.includes(s.name))
    .map((s) =>
      text
        .slice(s.start, s.end)
        .replace(/^[\s:,.-]+/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

const reviewed = (f: NoteFinding) => f.status === 'ACCEPTED' || f.status === 'EDITED';
const v = (f: NoteFinding, name: string) => {
  const x = f.variables?.[name];
  return x === undefined || x === null || x === '' ? null : String(x);
};

function medicationLine(f: NoteFinding): string {
  const dose = v(f, 'CMDOSE') ?? v(f, 'CMDOSTXT');
  return [
    f.label,
    dose && `${dose}${v(f, 'CMDOSU') ? ' ' + v(f, 'CMDOSU') : ''}`,
    v(f, 'CMROUTE')?.toLowerCase(),
    v(f, 'CMDOSFRQ'),
  ]
    .filter(Boolean)
    .join(' ');
}

function vitalLine(f: NoteFinding): string {
  const name = v(f, 'VSTEST') ?? f.label;
  return `${name}: ${f.value ?? ''}${f.unit ? ' ' + f.unit : ''}`.trim();
}

function conditionLine(f: NoteFinding): string {
  const qualifier = f.assertion === 'PRESENT' ? '' : ` (${f.assertion.toLowerCase()})`;
  return `${f.label}${f.code ? ` [ICD-10-CM ${f.code}]` : ''}${qualifier}`;
}

function block(title: string, body: string | string[] | null): string {
  const content = Array.isArray(body) ? (body.length ? body.map((l) => `- ${l}`).join('\n') : null) : body;
  return `${title}:\n${content ?? NOT_DOCUMENTED}\n`;
}

export function buildStructuredNote(input: NoteInput): string {
  const { text } = input.document;
  const sections = findSections(text);
  const ok = input.findings.filter(reviewed).sort((a, b) => (a.spanStart ?? 0) - (b.spanStart ?? 0));
  const of = (...kinds: string[]) => ok.filter((f) => kinds.includes(f.kind));
  const age = of('DEMOGRAPHIC')
    .map((f) => v(f, 'AGE'))
    .find(Boolean);
  const allergies = of('ALLERGY').map((f) => {
    const reaction = v(f, 'MHREACT') ?? v(f, 'REACTION');
    return `${f.label}${reaction ? ` (reaction: ${reaction})` : ''}`;
  });
  const reviewers = [...new Map(input.reviewers.map((r) => [r.name, r])).values()];
  return [
    `CLINICAL ENCOUNTER NOTE`,
    `Source: ${input.document.title} (received ${input.document.createdAt.toISOString().slice(0, 10)})\n`,
    block(
      'DEMOGRAPHICS',
      `Patient ${input.patient.pseudonym}; sex ${input.patient.sex}${age ? `; age ${age} years` : ''}.`,
    ),
    block('CHIEF COMPLAINT', sectionText(text, sections, ['chief_complaint'])),
    block('HISTORY OF PRESENT ILLNESS', sectionText(text, sections, ['history_of_present_illness'])),
    block('HISTORY', [
      ...of('CONDITION', 'SYMPTOM')
        .filter((f) => f.assertion === 'HISTORICAL' || f.assertion === 'PRESENT')
        .map(conditionLine),
      ...of('PROCEDURE').map((f) => `${f.label} (procedure)`),
    ]),
    block('MEDICATIONS', of('MEDICATION').map(medicationLine)),
    block('ALLERGIES', allergies),
    block('SOCIAL HISTORY', sectionText(text, sections, ['social_history'])),
    block('VITAL SIGNS', of('VITAL_SIGN').map(vitalLine)),
    block('PHYSICAL EXAM', sectionText(text, sections, ['physical_exam'])),
    block('DIAGNOSTICS', [
      ...of('LAB').map(
        (f) =>
          `${f.label}: ${f.value ?? ''}${f.unit ? ' ' + f.unit : ''}${v(f, 'LBNRIND') ? ` (${v(f, 'LBNRIND')})` : ''}`,
      ),
      ...of('IMAGING').map((f) => f.label),
    ]),
    block('ASSESSMENT', sectionText(text, sections, ['assessment', 'assessment_and_plan', 'diagnoses'])),
    block('PLAN', sectionText(text, sections, ['plan'])),
    block('FOLLOW-UP', sectionText(text, sections, ['patient_instructions'])),
    block(
      'PROVIDER',
      reviewers.length
        ? reviewers.map((r) => `Reviewed by ${r.name} on ${r.at.toISOString().slice(0, 10)}`).join('\n')
        : null,
    ),
  ].join('\n');
}
