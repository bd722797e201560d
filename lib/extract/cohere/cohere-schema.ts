/** What Cohere is asked to return (JSON schema) and how the answer is checked (zod) before anything is used. */
import { z } from 'zod';

export const KINDS = [
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
] as const;
export const ASSERTIONS = ['present', 'negated', 'possible', 'historical', 'family', 'hypothetical'] as const;

export const llmFindingSchema = z.object({
  kind: z.enum(KINDS),
  domain: z.string().regex(/^[A-Z]{2}$/),
  variables: z.record(z.string().regex(/^[A-Z][A-Z0-9]{0,7}$/), z.union([z.string().max(200), z.number()])),
  assertion: z.enum(ASSERTIONS),
  quote: z.string().min(1).max(500),
  occurrence: z.number().int().min(1).max(1000).optional(),
  icd10cm: z
    .string()
    .regex(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/)
    .optional(),
  confidence: z.number().min(0).max(1).optional(),
});

export const llmResponseSchema = z.object({ findings: z.array(llmFindingSchema).max(500) });

export type LlmFinding = z.infer<typeof llmFindingSchema>;

export const responseJsonSchema = {
  type: 'object',
  required: ['findings'],
  properties: {
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'domain', 'variables', 'assertion', 'quote'],
        properties: {
          kind: { type: 'string', enum: [...KINDS] },
          domain: { type: 'string', description: 'SDTM domain: DM, VS, CM, MH, LB, PR' },
          variables: {
            type: 'object',
            description: 'CDISC SDTM variables with controlled terminology values',
          },
          assertion: { type: 'string', enum: [...ASSERTIONS] },
          quote: { type: 'string', description: 'the exact characters of the note this finding comes from' },
          occurrence: { type: 'integer', description: 'which occurrence of the quote, 1 for the first' },
          icd10cm: { type: 'string' },
          confidence: { type: 'number' },
        },
      },
    },
  },
} as const;

export const PROMPT_VERSION = '1';

export const SYSTEM_PROMPT = `You extract clinical findings from one clinical note and answer with JSON only.
For each finding give: kind; the CDISC SDTM domain (DM demographics, VS vital signs, CM medications, MH conditions
and allergies (MHCAT "ALLERGY MEDICAL HISTORY"), LB labs, PR procedures); SDTM variables with CDISC controlled
terminology (e.g. VSTESTCD SYSBP/DIABP/PULSE/RESP/TEMP/OXYSAT/WEIGHT/HEIGHT/BMI with VSORRES and VSORRESU;
CMTRT, CMDOSE, CMDOSU, CMROUTE such as ORAL, CMDOSFRQ such as QD/BID; MHTERM; LBTESTCD, LBORRES, LBORRESU);
the assertion (present, negated, possible, historical, family, hypothetical); and "quote": the exact text of the
note the finding comes from, copied character for character. Never give a value that is not written in the note.`;
