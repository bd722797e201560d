/**
 * Written forms → CDISC controlled-terminology submission values (CT 2025-03-28): units (C71620, C66770), routes
 * (C66729), frequencies (C71113) and dose forms (C66726). A unit test checks every value here against the CT
 * in lib/sdtm/standards. Matching is on the lower-cased written form with spaces and dots removed.
 */

const squash = (s: string) => s.toLowerCase().replace(/[\s.]/g, '');

function table(entries: Record<string, string[]>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [ct, forms] of Object.entries(entries)) for (const f of forms) m.set(squash(f), ct);
  return m;
}

/** Dose units (CMDOSU). Count units (tablet, puff) are separate: see DOSE_COUNT_UNITS. */
const DOSE_UNITS = table({
  mg: ['mg', 'mgs', 'milligram', 'milligrams'],
  ug: ['mcg', 'mcgs', 'ug', 'µg', 'μg', 'microgram', 'micrograms'],
  g: ['g', 'gm', 'gms', 'gram', 'grams', 'gr'],
  mL: ['ml', 'mls', 'cc', 'ccs', 'milliliter', 'milliliters', 'millilitre', 'millilitres'],
  L: ['liter', 'liters', 'litre', 'litres'],
  U: ['unit', 'units', 'u', 'unt'],
  IU: ['iu', 'international units', 'international unit'],
  mEq: ['meq', 'milliequivalent', 'milliequivalents'],
  mmol: ['mmol', 'millimole', 'millimoles'],
  '%': ['%', 'percent'],
  'mg/kg': ['mg/kg'],
  'ug/kg': ['mcg/kg', 'ug/kg'],
  'mg/day': ['mg/day', 'mg/d'],
  'mg/h': ['mg/hr', 'mg/h', 'mg/hour'],
  'ug/h': ['mcg/hr', 'mcg/h', 'ug/hr', 'ug/h'],
  'mL/h': ['ml/hr', 'ml/h', 'cc/hr', 'cc/h'],
});

const DOSE_COUNT_UNITS = table({
  TABLET: ['tablet', 'tablets', 'tab', 'tabs', 'pill', 'pills'],
  CAPSULE: ['capsule', 'capsules', 'cap', 'caps'],
  PUFF: ['puff', 'puffs'],
  DROP: ['drop', 'drops', 'gtt', 'gtts'],
  SPRAY: ['spray', 'sprays'],
  PATCH: ['patch', 'patches'],
  SUPPOSITORY: ['suppository', 'suppositories'],
  PACKET: ['packet', 'packets'],
  ACTUATION: ['actuation', 'actuations'],
  APPLICATION: ['application', 'applications'],
});

export function doseUnit(written: string): string | undefined {
  return DOSE_UNITS.get(squash(written));
}

export function doseCountUnit(written: string): string | undefined {
  return DOSE_COUNT_UNITS.get(squash(written));
}

/** Routes (CMROUTE). Ambiguous short forms (IM, PR, SL, SC) are matched case-sensitively by the sig parser. */
const ROUTES = table({
  ORAL: [
    'po',
    'p o',
    'by mouth',
    'orally',
    'oral',
    'per os',
    'per oral',
    'po/ng',
    'p o /ng',
    'via mouth',
    'per mouth',
  ],
  INTRAVENOUS: [
    'iv',
    'i v',
    'intravenous',
    'intravenously',
    'iv push',
    'ivp',
    'iv piggyback',
    'ivpb',
    'iv drip',
    'iv bolus',
  ],
  SUBCUTANEOUS: [
    'sc',
    's c',
    'sq',
    's q',
    'subq',
    'sub q',
    'subcu',
    'subcut',
    'subcutaneous',
    'subcutaneously',
    'sub-q',
    'sub-cutaneous',
  ],
  INTRAMUSCULAR: ['im', 'i m', 'intramuscular', 'intramuscularly'],
  TOPICAL: ['topical', 'topically', 'apply topically', 'applied topically', 'top'],
  TRANSDERMAL: ['transdermal', 'transdermally'],
  'RESPIRATORY (INHALATION)': [
    'inhaled',
    'inhalation',
    'by inhalation',
    'via inhalation',
    'nebulized',
    'via nebulizer',
    'by nebulizer',
    'neb',
    'nebs',
    'inh',
  ],
  SUBLINGUAL: ['sl', 's l', 'sublingual', 'sublingually', 'under the tongue'],
  RECTAL: ['pr', 'p r', 'per rectum', 'rectally', 'rectal'],
  VAGINAL: ['vaginally', 'per vagina', 'intravaginal', 'vaginal'],
  NASAL: ['intranasal', 'intranasally', 'nasally', 'each nostril', 'per nostril', 'in each nostril', 'nasal'],
  OPHTHALMIC: [
    'ophthalmic',
    'in each eye',
    'in both eyes',
    'each eye',
    'both eyes',
    'in the affected eye',
    'ou',
    'od',
    'os',
  ],
  NASOGASTRIC: ['ng', 'per ng', 'via ng', 'ng tube', 'via ng tube', 'per ng tube'],
  ENTERAL: [
    'per tube',
    'via tube',
    'per peg',
    'via peg',
    'per g tube',
    'via g tube',
    'per gt',
    'g tube',
    'peg',
  ],
  EPIDURAL: ['epidural', 'epidurally'],
  INTRATHECAL: ['intrathecal', 'intrathecally'],
  INTRADERMAL: ['intradermal', 'intradermally'],
  'INTRA-ARTICULAR': ['intra-articular', 'intraarticular'],
});

export function route(written: string): string | undefined {
  return ROUTES.get(squash(written));
}

/** Frequencies (CMDOSFRQ). "q4h" style values are built by the sig parser (Q{n}H, validated against CT). */
const FREQUENCIES = table({
  QD: [
    'daily',
    'once daily',
    'once a day',
    'once per day',
    'one time a day',
    'one time daily',
    'every day',
    'each day',
    'qd',
    'q d',
    'qday',
    'per day',
    'a day',
    '/day',
    'od',
    'once every day',
    '1 time a day',
    '1 time daily',
    'x1 daily',
    'qdaily',
  ],
  BID: [
    'bid',
    'b i d',
    'twice a day',
    'twice daily',
    'twice per day',
    'two times a day',
    'two times daily',
    '2 times a day',
    '2 times daily',
    '2 times per day',
    'bd',
  ],
  TID: [
    'tid',
    't i d',
    'three times a day',
    'three times daily',
    'three times per day',
    '3 times a day',
    '3 times daily',
    '3 times per day',
    'thrice daily',
  ],
  QID: [
    'qid',
    'q i d',
    'four times a day',
    'four times daily',
    'four times per day',
    '4 times a day',
    '4 times daily',
    '4 times per day',
  ],
  QHS: [
    'qhs',
    'q h s',
    'hs',
    'h s',
    'at bedtime',
    'nightly',
    'at night',
    'every night',
    'each night',
    'every bedtime',
    'before bed',
    'before bedtime',
    'qpm at bedtime',
    'nighttime',
    'at hs',
  ],
  QAM: ['qam', 'q a m', 'every morning', 'in the morning', 'each morning', 'qmorning', 'mornings'],
  QPM: ['qpm', 'q p m', 'every evening', 'in the evening', 'each evening', 'evenings'],
  QOD: ['qod', 'q o d', 'every other day', 'every second day', 'alternate days'],
  'EVERY WEEK': [
    'weekly',
    'once a week',
    'once weekly',
    'every week',
    'once per week',
    'q week',
    'qweek',
    'qwk',
    'each week',
  ],
  'EVERY 2 WEEKS': [
    'every 2 weeks',
    'every two weeks',
    'every other week',
    'biweekly',
    'q2 weeks',
    'q 2 weeks',
  ],
  QM: ['monthly', 'once a month', 'every month', 'once monthly', 'q month', 'qmonth'],
  PRN: ['prn', 'p r n', 'as needed', 'as necessary', 'when needed', 'if needed', 'as required', 'on demand'],
  ONCE: ['one time', 'single dose', 'x1', 'x 1', 'times one', 'once only', 'stat'],
});

export function frequency(written: string): string | undefined {
  return FREQUENCIES.get(squash(written));
}

/** Dose forms (CMDOSFRM). */
const FORMS = table({
  TABLET: ['tablet', 'tablets', 'tab', 'tabs', 'oral tablet', 'pill', 'pills', 'caplet'],
  'TABLET, EXTENDED RELEASE': [
    'extended release tablet',
    'extended release oral tablet',
    'er tablet',
    'xr tablet',
    'xl tablet',
    'sr tablet',
    'sustained release tablet',
  ],
  'TABLET, DELAYED RELEASE': [
    'delayed release tablet',
    'delayed release oral tablet',
    'dr tablet',
    'ec tablet',
    'enteric coated tablet',
  ],
  'TABLET, CHEWABLE': ['chewable tablet', 'chewable tablets', 'chewable'],
  'TABLET, ORALLY DISINTEGRATING': ['orally disintegrating tablet', 'odt'],
  CAPSULE: ['capsule', 'capsules', 'cap', 'caps', 'oral capsule'],
  'CAPSULE, EXTENDED RELEASE': ['extended release capsule', 'extended release oral capsule', 'er capsule'],
  'CAPSULE, DELAYED RELEASE': ['delayed release capsule', 'delayed release oral capsule', 'dr capsule'],
  SOLUTION: ['solution', 'oral solution', 'liquid', 'inhalation solution'],
  SUSPENSION: ['suspension', 'oral suspension', 'inhalation suspension'],
  INJECTION: [
    'injection',
    'injectable',
    'injectable solution',
    'injectable suspension',
    'shot',
    'prefilled syringe',
    'pen injector',
    'auto-injector',
  ],
  CREAM: ['cream', 'topical cream'],
  OINTMENT: ['ointment', 'topical ointment'],
  GEL: ['gel', 'topical gel'],
  LOTION: ['lotion'],
  PATCH: ['patch', 'patches', 'transdermal patch', 'transdermal system'],
  'AEROSOL, METERED': ['inhaler', 'inhalers', 'mdi', 'metered dose inhaler', 'hfa'],
  'POWDER, METERED': ['dry powder inhaler', 'diskus'],
  SPRAY: ['spray', 'nasal spray', 'mucosal spray'],
  'SOLUTION/ DROPS': ['drops', 'eye drops', 'ear drops', 'ophthalmic solution', 'ophthalmic drops'],
  SUPPOSITORY: ['suppository', 'suppositories'],
  SYRUP: ['syrup'],
  ELIXIR: ['elixir'],
  LOZENGE: ['lozenge', 'lozenges', 'troche'],
  POWDER: ['powder'],
  ENEMA: ['enema'],
  INHALANT: ['nebulizer solution', 'nebule', 'nebules'],
  'INTRAUTERINE DEVICE': ['intrauterine system', 'intrauterine device', 'iud'],
  'VAGINAL RING': ['vaginal ring', 'vaginal system'],
  IMPLANT: ['implant', 'drug implant'],
});

export function doseForm(written: string): string | undefined {
  return FORMS.get(squash(written));
}

/**
 * The route a dose form leaves no doubt about (GUIDELINES of bench/extract-dev: "tablet/capsule/pill → ORAL,
 * inhaler/puffs/inhalation solution → RESPIRATORY (INHALATION)"): a derivation from written words, like the unit of a
 * temperature read from its range. Forms used by several routes (solution, injection, spray, patch) give none.
 */
const FORM_ROUTES: Record<string, string> = {
  TABLET: 'ORAL',
  'TABLET, EXTENDED RELEASE': 'ORAL',
  'TABLET, DELAYED RELEASE': 'ORAL',
  'TABLET, CHEWABLE': 'ORAL',
  'TABLET, ORALLY DISINTEGRATING': 'ORAL',
  CAPSULE: 'ORAL',
  'CAPSULE, EXTENDED RELEASE': 'ORAL',
  'CAPSULE, DELAYED RELEASE': 'ORAL',
  'AEROSOL, METERED': 'RESPIRATORY (INHALATION)',
  'POWDER, METERED': 'RESPIRATORY (INHALATION)',
  INHALANT: 'RESPIRATORY (INHALATION)',
  'INTRAUTERINE DEVICE': 'INTRAUTERINE',
  'VAGINAL RING': 'VAGINAL',
};
/** Count units that imply a route in the same way ("2 puffs" are inhaled, "one pill" swallowed). */
const COUNT_ROUTES: Record<string, string> = {
  PUFF: 'RESPIRATORY (INHALATION)',
  TABLET: 'ORAL',
  CAPSULE: 'ORAL',
};

export function routeOfForm(form: string | undefined, countUnit: string | undefined): string | undefined {
  return (form && FORM_ROUTES[form]) || (countUnit && COUNT_ROUTES[countUnit]) || undefined;
}

/** Every CT value this module can emit, per codelist (checked against lib/sdtm/standards by a unit test). */
export const EMITTED_CT = {
  UNIT: [...new Set([...DOSE_UNITS.values(), ...DOSE_COUNT_UNITS.values()])],
  ROUTE: [...new Set([...ROUTES.values(), ...Object.values(FORM_ROUTES), ...Object.values(COUNT_ROUTES)])],
  FREQ: [...new Set(FREQUENCIES.values())],
  FRM: [...new Set(FORMS.values())],
};
