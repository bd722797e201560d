import { describe, expect, it } from 'vitest';
import { findSections, sectionAt } from '../../../lib/extract/sections.ts';

const names = (text: string) => findSections(text).map((s) => s.name ?? '-');

describe('sections', () => {
  it('finds MTSamples colon headers run together with commas', () => {
    const text =
      'PAST MEDICAL HISTORY:, He has gastroesophageal reflux disease.,PAST SURGICAL HISTORY:, Includes surgery.,FAMILY HISTORY:, Heart disease.,CURRENT MEDICATIONS:, None.,ALLERGIES:,  He is allergic to Penicillin.,MISCELLANEOUS/EATING HISTORY:, He likes chicken.';
    expect(names(text)).toEqual([
      'past_medical_history',
      'past_surgical_history',
      'family_history',
      'medications',
      'allergies',
      '-',
    ]);
    const sections = findSections(text);
    const allergies = sections[4];
    expect(text.slice(allergies.headerStart, allergies.headerEnd)).toBe('ALLERGIES:');
    expect(sectionAt(sections, text.indexOf('Penicillin'))?.name).toBe('allergies');
  });

  it('finds ACI-Bench headers alone on their line and markdown headers', () => {
    expect(
      names(
        'CHIEF COMPLAINT\n\nFollow-up.\n\nHISTORY OF PRESENT ILLNESS\n\nShe is well.\n\nASSESSMENT AND PLAN\n\nGout.',
      ),
    ).toEqual(['chief_complaint', 'history_of_present_illness', 'assessment_and_plan']);
    expect(names('# Chief Complaint\n- Cough\n\n# Allergies\nNo Known Allergies.\n\n## Plan\n')).toEqual([
      'chief_complaint',
      'allergies',
      'plan',
    ]);
  });

  it('keeps body-system subsections inside the physical exam', () => {
    const text =
      'PHYSICAL EXAMINATION:,VITAL SIGNS:  Weight is 14.9 kg.,GENERAL:  The patient was sleepy.,HEENT:  Normal.,LUNGS:  Clear.';
    expect(names(text)).toEqual([
      'physical_exam',
      'vital_signs',
      'physical_exam',
      'physical_exam',
      'physical_exam',
    ]);
  });

  it('does not take running text or short abbreviations for headers', () => {
    expect(names('The patient states the following: he is fine. BP: 120/80. HR: 72.')).toEqual([]);
  });
});
