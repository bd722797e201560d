import { describe, expect, it } from 'vitest';
import { findings, one } from './helpers.ts';

const assertionOf = (text: string, needle: string) => {
  const f = findings(text).find(
    (x) => x.text.includes(needle) && (x.kind === 'condition' || x.kind === 'symptom'),
  );
  if (!f) throw new Error(`no condition "${needle}" in ${JSON.stringify(text)}`);
  return f.assertion;
};

describe('ConText assertion', () => {
  it('negation: denies, no, negative for, without, and long denial lists', () => {
    expect(assertionOf('She denies chest pain or shortness of breath.', 'chest pain')).toBe('negated');
    expect(assertionOf('She denies chest pain or shortness of breath.', 'shortness of breath')).toBe(
      'negated',
    );
    expect(assertionOf('GI:  No nausea, vomiting, diarrhea or constipation.', 'constipation')).toBe(
      'negated',
    );
    expect(assertionOf('Negative for fever.', 'fever')).toBe('negated');
    const ros =
      'Specifically denies chest pain, heart attack, coronary artery disease, congestive heart failure, arrhythmia, atrial fibrillation, pacemaker, high cholesterol, pulmonary embolism, high blood pressure, CVA, venous insufficiency, thrombophlebitis, asthma, shortness of breath, COPD, emphysema, sleep apnea, diabetes, leg and foot swelling, osteoarthritis, rheumatoid arthritis, hiatal hernia, peptic ulcer disease, gallstones, infected gallbladder, pancreatitis, fatty liver, hepatitis, hemorrhoids, rectal bleeding, polyps, incontinence of stool, urinary stress incontinence, or cancer.';
    const conds = findings(ros).filter((f) => f.kind === 'condition' || f.kind === 'symptom');
    expect(conds.length).toBeGreaterThan(25);
    expect(conds.filter((f) => f.assertion !== 'negated').map((f) => f.text)).toEqual([]);
    for (const f of conds) expect(f.negated).toBe(true);
  });

  it('a termination word ends the negation scope', () => {
    const text = 'He denies fever but reports cough.';
    expect(assertionOf(text, 'fever')).toBe('negated');
    expect(assertionOf(text, 'cough')).toBe('present');
  });

  it('pseudo-triggers do not negate', () => {
    expect(assertionOf('There is no change in his chest pain.', 'chest pain')).toBe('present');
    expect(assertionOf('His hypertension is not well controlled.', 'hypertension')).toBe('present');
  });

  it('family: mother had breast cancer; family-history section', () => {
    expect(assertionOf('Her mother had breast cancer.', 'breast cancer')).toBe('family');
    expect(assertionOf('There is a family history of melanoma in her mother.', 'melanoma')).toBe('family');
    expect(
      assertionOf('FAMILY HISTORY:, Heart disease in both grandfathers, grandmother with stroke.', 'stroke'),
    ).toBe('family');
    expect(assertionOf('FAMILY HISTORY: No family history of colon cancer.', 'colon cancer')).toBe('negated');
  });

  it('historical: history of, past medical history section', () => {
    expect(
      assertionOf('This is a 55-year-old female with a history of stroke, who presents today.', 'stroke'),
    ).toBe('historical');
    expect(
      assertionOf(
        'PAST MEDICAL HISTORY:,1.  Prostatism.,2.  Coronary artery disease.',
        'Coronary artery disease',
      ),
    ).toBe('historical');
  });

  it('possible: rule out PE, possible, suspicious for', () => {
    expect(assertionOf('Chest CT to rule out PE.', 'PE')).toBe('possible');
    expect(assertionOf('Findings suspicious for pneumonia.', 'pneumonia')).toBe('possible');
    expect(assertionOf('Neck pain, possible radiculopathy.', 'radiculopathy')).toBe('possible');
  });

  it('hypothetical: if fever develops, risks discussed', () => {
    expect(assertionOf('Return to clinic if fever develops.', 'fever')).toBe('hypothetical');
    expect(
      assertionOf('Risk of anesthesia, bleeding, infection, pain, MI, DVT, PE were discussed.', 'DVT'),
    ).toBe('hypothetical');
  });

  it('present by default', () => {
    const f = one('CHIEF COMPLAINT\n\nBack pain.\n\nHISTORY OF PRESENT ILLNESS', 'condition', 'Back pain');
    expect(f).toMatchObject({ assertion: 'present', negated: false, section: 'chief_complaint' });
  });
});
