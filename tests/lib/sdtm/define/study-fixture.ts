/**
 * A small synthetic SDTM study (no real patients) for the Define-XML, XLSX and package tests: DM, VS, CM, MH
 * and SUPPMH with the DefineMetadata that describes them. CT codes are real (CDISC CT 2025-03-28).
 */
import type { SdtmDataset, SdtmVariable } from '../../../../lib/sdtm/dataset.ts';
import type { DefineCodelist, DefineMetadata } from '../../../../lib/sdtm/define/define-metadata.ts';

const id = (name: string, label: string, role = 'Identifier'): SdtmVariable => ({
  name,
  label,
  type: 'Char',
  role,
  core: 'Req',
});

export function dmDataset(): SdtmDataset {
  return {
    name: 'DM',
    label: 'Demographics',
    variables: [
      id('STUDYID', 'Study Identifier'),
      { ...id('DOMAIN', 'Domain Abbreviation'), codelist: 'C66734' },
      id('USUBJID', 'Unique Subject Identifier'),
      id('SUBJID', 'Subject Identifier for the Study', 'Topic'),
      id('SITEID', 'Study Site Identifier', 'Record Qualifier'),
      { name: 'BRTHDTC', label: 'Date/Time of Birth', type: 'Char', role: 'Record Qualifier', core: 'Perm' },
      { name: 'AGE', label: 'Age', type: 'Num', role: 'Record Qualifier', core: 'Exp' },
      {
        name: 'AGEU',
        label: 'Age Units',
        type: 'Char',
        role: 'Variable Qualifier',
        core: 'Exp',
        codelist: 'C66781',
      },
      { name: 'SEX', label: 'Sex', type: 'Char', role: 'Record Qualifier', core: 'Req', codelist: 'C66731' },
      {
        name: 'RACE',
        label: 'Race',
        type: 'Char',
        role: 'Record Qualifier',
        core: 'Exp',
        codelist: 'C74457',
      },
      {
        name: 'ETHNIC',
        label: 'Ethnicity',
        type: 'Char',
        role: 'Record Qualifier',
        core: 'Perm',
        codelist: 'C66790',
      },
    ],
    rows: [
      {
        STUDYID: 'IMG-001',
        DOMAIN: 'DM',
        USUBJID: 'IMG-001-01-0012',
        SUBJID: '0012',
        SITEID: '01',
        BRTHDTC: '1981-04',
        AGE: 42,
        AGEU: 'YEARS',
        SEX: 'F',
        RACE: 'WHITE',
        ETHNIC: 'NOT HISPANIC OR LATINO',
      },
      {
        STUDYID: 'IMG-001',
        DOMAIN: 'DM',
        USUBJID: 'IMG-001-01-0013',
        SUBJID: '0013',
        SITEID: '01',
        BRTHDTC: '1950-11-30',
        AGE: 73,
        AGEU: 'YEARS',
        SEX: 'M',
        RACE: 'ASIAN',
        ETHNIC: 'HISPANIC OR LATINO',
      },
      {
        STUDYID: 'IMG-001',
        DOMAIN: 'DM',
        USUBJID: 'IMG-001-02-1E5',
        SUBJID: '1E5',
        SITEID: '02',
        BRTHDTC: null,
        AGE: null,
        AGEU: null,
        SEX: 'U',
        RACE: null,
        ETHNIC: null,
      },
    ],
  };
}

function vsDataset(): SdtmDataset {
  const row = (
    usubjid: string,
    seq: number,
    testcd: string,
    test: string,
    orres: string,
    unit: string,
    stresn: number,
    dtc: string,
  ) => ({
    STUDYID: 'IMG-001',
    DOMAIN: 'VS',
    USUBJID: usubjid,
    VSSEQ: seq,
    VSTESTCD: testcd,
    VSTEST: test,
    VSPOS: testcd === 'TEMP' ? null : 'SITTING',
    VSORRES: orres,
    VSORRESU: unit,
    VSSTRESC: String(stresn),
    VSSTRESN: stresn,
    VSSTRESU: unit,
    VSDTC: dtc,
  });
  return {
    name: 'VS',
    label: 'Vital Signs',
    variables: [
      id('STUDYID', 'Study Identifier'),
      { ...id('DOMAIN', 'Domain Abbreviation'), codelist: 'C66734' },
      id('USUBJID', 'Unique Subject Identifier'),
      { name: 'VSSEQ', label: 'Sequence Number', type: 'Num', role: 'Identifier', core: 'Req' },
      {
        name: 'VSTESTCD',
        label: 'Vital Signs Test Short Name',
        type: 'Char',
        role: 'Topic',
        core: 'Req',
        codelist: 'C66741',
      },
      {
        name: 'VSTEST',
        label: 'Vital Signs Test Name',
        type: 'Char',
        role: 'Synonym Qualifier',
        core: 'Req',
        codelist: 'C67153',
      },
      {
        name: 'VSPOS',
        label: 'Vital Signs Position of Subject',
        type: 'Char',
        role: 'Record Qualifier',
        core: 'Perm',
        codelist: 'C71148',
      },
      {
        name: 'VSORRES',
        label: 'Result or Finding in Original Units',
        type: 'Char',
        role: 'Result Qualifier',
        core: 'Exp',
      },
      {
        name: 'VSORRESU',
        label: 'Original Units',
        type: 'Char',
        role: 'Variable Qualifier',
        core: 'Exp',
        codelist: 'C66770',
      },
      {
        name: 'VSSTRESC',
        label: 'Character Result/Finding in Std Format',
        type: 'Char',
        role: 'Result Qualifier',
        core: 'Exp',
      },
      {
        name: 'VSSTRESN',
        label: 'Numeric Result/Finding in Standard Units',
        type: 'Num',
        role: 'Result Qualifier',
        core: 'Exp',
      },
      {
        name: 'VSSTRESU',
        label: 'Standard Units',
        type: 'Char',
        role: 'Variable Qualifier',
        core: 'Exp',
        codelist: 'C66770',
      },
      { name: 'VSDTC', label: 'Date/Time of Measurements', type: 'Char', role: 'Timing', core: 'Exp' },
    ],
    rows: [
      row(
        'IMG-001-01-0012',
        1,
        'SYSBP',
        'Systolic Blood Pressure',
        '138',
        'mmHg',
        138,
        '2024-03-05T09:30:00',
      ),
      row('IMG-001-01-0012', 2, 'DIABP', 'Diastolic Blood Pressure', '86', 'mmHg', 86, '2024-03-05T09:30:00'),
      row('IMG-001-01-0012', 3, 'TEMP', 'Temperature', '37.25', 'C', 37.25, '2024-03-05'),
      row('IMG-001-01-0013', 1, 'WEIGHT', 'Weight', '081.5', 'kg', 81.5, '2024-03-06'),
    ],
  };
}

function cmDataset(): SdtmDataset {
  return {
    name: 'CM',
    label: 'Concomitant/Prior Medications',
    variables: [
      id('STUDYID', 'Study Identifier'),
      { ...id('DOMAIN', 'Domain Abbreviation'), codelist: 'C66734' },
      id('USUBJID', 'Unique Subject Identifier'),
      { name: 'CMSEQ', label: 'Sequence Number', type: 'Num', role: 'Identifier', core: 'Req' },
      {
        name: 'CMTRT',
        label: 'Reported Name of Drug, Med, or Therapy',
        type: 'Char',
        role: 'Topic',
        core: 'Req',
      },
      {
        name: 'CMDOSE',
        label: 'Dose per Administration',
        type: 'Num',
        role: 'Record Qualifier',
        core: 'Perm',
      },
      {
        name: 'CMDOSU',
        label: 'Dose Units',
        type: 'Char',
        role: 'Variable Qualifier',
        core: 'Perm',
        codelist: 'C71620',
      },
      {
        name: 'CMDOSFRQ',
        label: 'Dosing Frequency per Interval',
        type: 'Char',
        role: 'Variable Qualifier',
        core: 'Perm',
        codelist: 'C71113',
      },
      {
        name: 'CMROUTE',
        label: 'Route of Administration',
        type: 'Char',
        role: 'Variable Qualifier',
        core: 'Perm',
        codelist: 'C66729',
      },
      { name: 'CMSTDTC', label: 'Start Date/Time of Medication', type: 'Char', role: 'Timing', core: 'Perm' },
    ],
    rows: [
      {
        STUDYID: 'IMG-001',
        DOMAIN: 'CM',
        USUBJID: 'IMG-001-01-0012',
        CMSEQ: 1,
        CMTRT: 'lisinopril',
        CMDOSE: 10,
        CMDOSU: 'mg',
        CMDOSFRQ: 'QD',
        CMROUTE: 'ORAL',
        CMSTDTC: '2023',
      },
      {
        STUDYID: 'IMG-001',
        DOMAIN: 'CM',
        USUBJID: 'IMG-001-01-0012',
        CMSEQ: 2,
        CMTRT: 'melatonin',
        CMDOSE: 2.5,
        CMDOSU: 'mg',
        CMDOSFRQ: 'EVERY OTHER NIGHT',
        CMROUTE: 'ORAL',
        CMSTDTC: '2024-01',
      },
    ],
  };
}

function mhDataset(): SdtmDataset {
  return {
    name: 'MH',
    label: 'Medical History',
    variables: [
      id('STUDYID', 'Study Identifier'),
      { ...id('DOMAIN', 'Domain Abbreviation'), codelist: 'C66734' },
      id('USUBJID', 'Unique Subject Identifier'),
      { name: 'MHSEQ', label: 'Sequence Number', type: 'Num', role: 'Identifier', core: 'Req' },
      {
        name: 'MHTERM',
        label: 'Reported Term for the Medical History',
        type: 'Char',
        role: 'Topic',
        core: 'Req',
      },
      {
        name: 'MHCAT',
        label: 'Category for Medical History',
        type: 'Char',
        role: 'Grouping Qualifier',
        core: 'Perm',
      },
      {
        name: 'MHSTDTC',
        label: 'Start Date/Time of Medical History Event',
        type: 'Char',
        role: 'Timing',
        core: 'Perm',
      },
    ],
    rows: [
      {
        STUDYID: 'IMG-001',
        DOMAIN: 'MH',
        USUBJID: 'IMG-001-01-0012',
        MHSEQ: 1,
        MHTERM: 'penicillin allergy',
        MHCAT: 'ALLERGY',
        MHSTDTC: '2019-03',
      },
      {
        STUDYID: 'IMG-001',
        DOMAIN: 'MH',
        USUBJID: 'IMG-001-01-0013',
        MHSEQ: 1,
        MHTERM: 'hypertension',
        MHCAT: 'GENERAL',
        MHSTDTC: '2015',
      },
    ],
  };
}

function suppmhDataset(): SdtmDataset {
  const row = (usubjid: string, seq: string, qnam: string, qlabel: string, qval: string, qorig: string) => ({
    STUDYID: 'IMG-001',
    RDOMAIN: 'MH',
    USUBJID: usubjid,
    IDVAR: 'MHSEQ',
    IDVARVAL: seq,
    QNAM: qnam,
    QLABEL: qlabel,
    QVAL: qval,
    QORIG: qorig,
    QEVAL: null,
  });
  return {
    name: 'SUPPMH',
    label: 'Supplemental Qualifiers for MH',
    variables: [
      id('STUDYID', 'Study Identifier'),
      id('RDOMAIN', 'Related Domain Abbreviation'),
      id('USUBJID', 'Unique Subject Identifier'),
      { name: 'IDVAR', label: 'Identifying Variable', type: 'Char', role: 'Identifier', core: 'Exp' },
      {
        name: 'IDVARVAL',
        label: 'Identifying Variable Value',
        type: 'Char',
        role: 'Identifier',
        core: 'Exp',
      },
      { name: 'QNAM', label: 'Qualifier Variable Name', type: 'Char', role: 'Topic', core: 'Req' },
      {
        name: 'QLABEL',
        label: 'Qualifier Variable Label',
        type: 'Char',
        role: 'Synonym Qualifier',
        core: 'Req',
      },
      { name: 'QVAL', label: 'Data Value', type: 'Char', role: 'Result Qualifier', core: 'Req' },
      { name: 'QORIG', label: 'Origin', type: 'Char', role: 'Record Qualifier', core: 'Req' },
      { name: 'QEVAL', label: 'Evaluator', type: 'Char', role: 'Record Qualifier', core: 'Exp' },
    ],
    rows: [
      row('IMG-001-01-0012', '1', 'MHICD10', 'ICD-10-CM Code', 'Z88.0', 'Assigned'),
      row('IMG-001-01-0013', '1', 'MHICD10', 'ICD-10-CM Code', 'I10', 'Assigned'),
      row('IMG-001-01-0013', '1', 'MHSRC', 'Source Document Type', 'Discharge summary', 'eDT'),
    ],
  };
}

export function studyDatasets(): SdtmDataset[] {
  return [dmDataset(), vsDataset(), cmDataset(), mhDataset(), suppmhDataset()];
}

const CODELISTS: DefineCodelist[] = [
  {
    id: 'C66734',
    nciCode: 'C66734',
    name: 'SDTM Domain Abbreviation',
    extensible: true,
    terms: [
      { value: 'CM', nciCode: 'C49568' },
      { value: 'DM', nciCode: 'C49572' },
      { value: 'MH', nciCode: 'C49603' },
      { value: 'VS', nciCode: 'C49622' },
    ],
  },
  {
    id: 'C66781',
    nciCode: 'C66781',
    name: 'Age Unit',
    extensible: false,
    terms: [{ value: 'YEARS', nciCode: 'C29848' }],
  },
  {
    id: 'C66731',
    nciCode: 'C66731',
    name: 'Sex',
    extensible: false,
    terms: [
      { value: 'F', decode: 'Female', nciCode: 'C16576' },
      { value: 'M', decode: 'Male', nciCode: 'C20197' },
      { value: 'U', decode: 'Unknown', nciCode: 'C17998' },
    ],
  },
  {
    id: 'C74457',
    nciCode: 'C74457',
    name: 'Race',
    extensible: false,
    terms: [
      { value: 'ASIAN', nciCode: 'C41260' },
      { value: 'BLACK OR AFRICAN AMERICAN', nciCode: 'C16352' },
      { value: 'WHITE', nciCode: 'C41261' },
    ],
  },
  {
    id: 'C66790',
    nciCode: 'C66790',
    name: 'Ethnic Group',
    extensible: false,
    terms: [
      { value: 'HISPANIC OR LATINO', nciCode: 'C17459' },
      { value: 'NOT HISPANIC OR LATINO', nciCode: 'C41222' },
    ],
  },
  {
    id: 'C66741',
    nciCode: 'C66741',
    name: 'Vital Signs Test Code',
    extensible: true,
    terms: [
      { value: 'DIABP', decode: 'Diastolic Blood Pressure', nciCode: 'C25299' },
      { value: 'HEIGHT', decode: 'Height', nciCode: 'C25347' },
      { value: 'PULSE', decode: 'Pulse Rate', nciCode: 'C49676' },
      { value: 'SYSBP', decode: 'Systolic Blood Pressure', nciCode: 'C25298' },
      { value: 'TEMP', decode: 'Temperature', nciCode: 'C174446' },
      { value: 'WEIGHT', decode: 'Weight', nciCode: 'C25208' },
    ],
  },
  {
    id: 'C67153',
    nciCode: 'C67153',
    name: 'Vital Signs Test Name',
    extensible: true,
    terms: [
      { value: 'Diastolic Blood Pressure', nciCode: 'C25299' },
      { value: 'Systolic Blood Pressure', nciCode: 'C25298' },
      { value: 'Temperature', nciCode: 'C174446' },
      { value: 'Weight', nciCode: 'C25208' },
    ],
  },
  {
    id: 'C71148',
    nciCode: 'C71148',
    name: 'Position',
    extensible: true,
    terms: [
      { value: 'SITTING', nciCode: 'C62122' },
      { value: 'STANDING', nciCode: 'C62166' },
    ],
  },
  {
    id: 'C66770',
    nciCode: 'C66770',
    name: 'Units for Vital Signs Results',
    extensible: true,
    terms: [
      { value: 'beats/min', nciCode: 'C49673' },
      { value: 'C', nciCode: 'C42559' },
      { value: 'cm', nciCode: 'C49668' },
      { value: 'kg', nciCode: 'C28252' },
      { value: 'mmHg', nciCode: 'C49670' },
    ],
  },
  {
    id: 'C71620',
    nciCode: 'C71620',
    name: 'Unit',
    extensible: true,
    terms: [{ value: 'mg', nciCode: 'C28253' }],
  },
  {
    id: 'C71113',
    nciCode: 'C71113',
    name: 'Frequency',
    extensible: true,
    terms: [
      { value: 'BID', nciCode: 'C64496' },
      { value: 'PRN', nciCode: 'C64499' },
      { value: 'QD', nciCode: 'C25473' },
    ],
  },
  {
    id: 'C66729',
    nciCode: 'C66729',
    name: 'Route of Administration Response',
    extensible: true,
    terms: [{ value: 'ORAL', nciCode: 'C38288' }],
  },
  { id: 'ICD10CM', name: 'ICD-10-CM', terms: [], dictionary: { name: 'ICD-10-CM', version: 'FY2021' } },
  {
    id: 'MHSRC',
    name: 'Source Document Type',
    terms: [
      { value: 'Discharge summary', decode: 'Discharge summary (free text)' },
      { value: 'Clinic letter', decode: 'Clinic letter' },
    ],
  },
];

export function studyMetadata(): DefineMetadata {
  return {
    study: { name: 'IMG-001', description: 'Synthetic imagEHR test study', protocolName: 'IMG-001 v1.0' },
    ctVersion: '2025-03-28',
    creationDateTime: '2026-01-15T10:20:30',
    sourceSystemVersion: '0.1.0',
    documents: [{ id: 'acrf', href: 'acrf.pdf', title: 'Annotated CRF', kind: 'annotatedCrf' }],
    defaultOrigin: { type: 'Collected', source: 'Investigator' },
    methods: [
      {
        id: 'SEQ',
        name: 'Algorithm to derive --SEQ',
        type: 'Computation',
        description: 'Sequential number per subject after sorting by the natural keys.',
      },
      {
        id: 'AGE',
        name: 'Algorithm to derive AGE',
        type: 'Computation',
        description: 'Whole years between BRTHDTC and RFSTDTC.',
        expression: {
          context: 'SQL',
          code: "floor(months_between(RFSTDTC, BRTHDTC) / 12) -- 'years' & <int>",
        },
      },
    ],
    codelists: CODELISTS,
    datasets: {
      DM: {
        class: 'SPECIAL PURPOSE',
        structure: 'One record per subject',
        keys: ['STUDYID', 'USUBJID'],
        variables: {
          STUDYID: { origin: { type: 'Protocol', source: 'Sponsor' } },
          DOMAIN: { origin: { type: 'Assigned', source: 'Sponsor' } },
          AGE: { origin: { type: 'Derived', source: 'Sponsor' }, methodId: 'AGE' },
          SEX: {
            origin: {
              type: 'Collected',
              source: 'Investigator',
              documents: [{ documentId: 'acrf', pages: '3' }],
            },
          },
          BRTHDTC: { comment: 'Day and month are not collected for some subjects.' },
        },
      },
      VS: {
        class: 'FINDINGS',
        structure: 'One record per vital sign measurement per time point per visit per subject',
        keys: ['STUDYID', 'USUBJID', 'VSTESTCD', 'VSDTC'],
        variables: { VSSEQ: { origin: { type: 'Derived', source: 'Sponsor' }, methodId: 'SEQ' } },
      },
      CM: {
        class: 'INTERVENTIONS',
        structure: 'One record per recorded intervention occurrence or constant-dosing interval per subject',
        keys: ['STUDYID', 'USUBJID', 'CMTRT', 'CMSTDTC'],
        variables: { CMSEQ: { origin: { type: 'Derived', source: 'Sponsor' }, methodId: 'SEQ' } },
      },
      MH: {
        class: 'EVENTS',
        structure: 'One record per medical history event per subject',
        keys: ['STUDYID', 'USUBJID', 'MHTERM', 'MHSTDTC'],
        comment: 'Medical history extracted from EHR notes and reviewed by a physician.',
        variables: { MHSEQ: { origin: { type: 'Derived', source: 'Sponsor' }, methodId: 'SEQ' } },
      },
      SUPPMH: {
        class: 'RELATIONSHIP',
        structure: 'One record per IDVAR, IDVARVAL, and QNAM value per subject',
        keys: ['STUDYID', 'RDOMAIN', 'USUBJID', 'IDVAR', 'IDVARVAL', 'QNAM'],
        qualifiers: { MHSRC: { codelist: 'MHSRC' }, MHICD10: { codelist: 'ICD10CM' } },
      },
    },
  };
}
