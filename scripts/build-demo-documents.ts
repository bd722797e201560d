/**
 * Builds the sample documents a demo user can upload (prisma/seed/documents): a typed note, a scanned form (the
 * note text rendered as a slightly rotated page image with scanner noise) and a PDF with a text layer. The texts
 * are invented for the demo; no real patient. Rerun after changing them:
 *
 *   node --import tsx scripts/build-demo-documents.ts
 *
 * Needs the DejaVu fonts (Debian: fonts-dejavu-core).
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { renderTextPng } from '../tests/fixtures/documents/build-fixtures.ts';
import { buildTextPdf } from '../tests/fixtures/documents/build-pdf.ts';

const OUT = path.resolve(import.meta.dirname, '../prisma/seed/documents');

const TYPED_NOTE = `CLINIC NOTE

CHIEF COMPLAINT: Shortness of breath and ankle swelling for one week.

HISTORY OF PRESENT ILLNESS: The patient is a 67-year-old man with congestive heart failure, atrial
fibrillation and type 2 diabetes mellitus who reports worsening dyspnea on exertion and bilateral ankle
edema over the past week. He sleeps on three pillows. He denies chest pain, fever or cough. No syncope.

PAST MEDICAL HISTORY: Congestive heart failure. Atrial fibrillation. Type 2 diabetes mellitus.
Hypertension. History of myocardial infarction in 2015.

MEDICATIONS:
1. Furosemide 40 mg PO daily.
2. Metoprolol succinate 50 mg by mouth once daily.
3. Apixaban 5 mg PO BID.
4. Metformin 1000 mg twice daily.
5. Lisinopril 10 mg daily.

ALLERGIES: Penicillin (hives). Sulfa drugs (rash).

SOCIAL HISTORY: Former smoker, quit 10 years ago. Drinks alcohol rarely.

FAMILY HISTORY: Mother had breast cancer.

VITAL SIGNS: Blood pressure 152/94 mmHg, heart rate 96, respiratory rate 22, temperature 98.4 F,
SpO2 91% on room air, weight 212 lb, height 70 in.

PHYSICAL EXAMINATION: Jugular venous distension present. Bibasilar crackles. 2+ pitting edema of both
ankles. Irregularly irregular rhythm.

LABS: Sodium 134 mmol/L (135-145) L. Potassium 4.8 mmol/L. Creatinine 1.6 mg/dL (0.7-1.3) H.
Hemoglobin A1c 7.9 %. BNP 1240 pg/mL.

ASSESSMENT AND PLAN:
1. Acute on chronic congestive heart failure exacerbation. Increase furosemide to 40 mg PO BID.
   Chest x-ray and echocardiogram ordered.
2. Atrial fibrillation, rate controlled. Continue metoprolol and apixaban.
3. Type 2 diabetes mellitus. Continue metformin. Possible diabetic nephropathy; repeat creatinine.
4. Rule out pneumonia: chest x-ray.

FOLLOW-UP: Return in 1 week or sooner if symptoms worsen.
`;

const SCANNED_FORM = [
  'OUTPATIENT VISIT FORM',
  'Chief complaint: headache and dizziness for two days.',
  'Vital signs: BP 168/102 mmHg, pulse 88, temperature 37.1 C, SpO2 97%.',
  'Current medications: amlodipine 5 mg daily, atorvastatin 20 mg at bedtime.',
  'Allergies: no known drug allergies.',
  'Assessment: uncontrolled hypertension. No focal neurologic deficit.',
  'Plan: increase amlodipine to 10 mg daily. Recheck blood pressure in 2 weeks.',
].join('\n');

const PDF_LETTER = [
  [
    'DISCHARGE SUMMARY',
    'Admission diagnosis: community-acquired pneumonia, right lower lobe.',
    'Hospital course: treated with ceftriaxone 1 g IV daily and azithromycin',
    '500 mg IV daily, then switched to oral therapy. Afebrile for 48 hours.',
    'Discharge vital signs: blood pressure 124/78 mmHg, pulse 78, SpO2 96%.',
  ],
  [
    'DISCHARGE MEDICATIONS',
    'Amoxicillin-clavulanate 875 mg by mouth twice daily for 5 days.',
    'Albuterol inhaler 2 puffs every 6 hours as needed for wheezing.',
    'Allergies: codeine (nausea).',
    'Follow-up: primary care in one week. Denies chest pain at discharge.',
  ],
];

/** A page that looks scanned: rotated by a degree, a little blur and grain, JPEG-free so it stays small. */
async function scanned(text: string): Promise<Buffer> {
  const page = await renderTextPng(text, { width: 1900 });
  const rotated = await sharp(page).rotate(1.2, { background: '#ffffff' }).blur(0.6).raw().toBuffer({
    resolveWithObject: true,
  });
  const { data, info } = rotated;
  let seed = 7;
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    data[i] = Math.max(0, Math.min(255, data[i] - 12 + (seed % 25)));
  }
  return sharp(data, { raw: info })
    .greyscale()
    .png({ compressionLevel: 9, palette: true, colours: 16 })
    .toBuffer();
}

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'clinic-note.txt'), TYPED_NOTE);
fs.writeFileSync(path.join(OUT, 'scanned-visit-form.png'), await scanned(SCANNED_FORM));
fs.writeFileSync(path.join(OUT, 'discharge-summary.pdf'), buildTextPdf(PDF_LETTER));
console.log(`wrote ${fs.readdirSync(OUT).join(', ')} to ${OUT}`);
