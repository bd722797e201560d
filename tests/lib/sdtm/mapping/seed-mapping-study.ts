/**
 * A synthetic study for the mapping tests: one subject (RFSTDTC 2024-03-05) with three encounters around it, a
 * mammogram, and findings of every kind in several review states. No real people.
 */
import type { Prisma } from '../../../../generated/prisma/client.ts';
import type { Db } from '../../../../lib/db/client.ts';
import { seedPatient, seedStudy, seedUser } from '../../../setup/factories.ts';

type FindingInput = Omit<
  Prisma.FindingUncheckedCreateInput,
  'patientId' | 'source' | 'confidence' | 'extractorId' | 'extractorVersion'
> & { source?: Prisma.FindingUncheckedCreateInput['source'] };

export async function seedMappingStudy(db: Db) {
  const studyCode = `IMG-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  const study = await seedStudy(db, studyCode);
  const reviewer = await seedUser(db, 'PHYSICIAN');
  const coordinator = await seedUser(db, 'COORDINATOR');
  const patient = await seedPatient(db, { siteCode: 'S01', sex: 'M' });
  await db.patient.update({ where: { id: patient.id }, data: { race: 'White', ethnicity: null } });
  const subject = await db.subject.create({
    data: {
      studyId: study.id,
      patientId: patient.id,
      subjid: '0001',
      usubjid: `${studyCode}-S01-0001`,
      rfstdtc: '2024-03-05',
    },
  });
  const encounter = (day: string) =>
    db.encounter.create({
      data: { patientId: patient.id, kind: 'AMB', startedAt: new Date(`${day}T10:00:00Z`) },
    });
  const [before, first, second] = [
    await encounter('2024-03-04'),
    await encounter('2024-03-05'),
    await encounter('2024-03-06'),
  ];
  const document = (encounterId: string, n: number) =>
    db.document.create({
      data: {
        patientId: patient.id,
        studyId: study.id,
        encounterId,
        title: `Note ${n}`,
        mimeType: 'text/plain',
        sha256: `${n}`.padStart(64, '0') + studyCode,
        byteSize: 10,
        status: 'READY',
        text: 'synthetic',
      },
    });
  const docs = {
    before: await document(before.id, 1),
    first: await document(first.id, 2),
    second: await document(second.id, 3),
  };
  const imagingStudy = await db.imagingStudy.create({
    data: {
      patientId: patient.id,
      studyInstanceUid: `1.2.3.${Date.now()}.${Math.floor(Math.random() * 1e6)}`,
      startedAt: new Date('2024-03-12T09:00:00Z'),
    },
  });
  const series = await db.imagingSeries.create({
    data: {
      imagingStudyId: imagingStudy.id,
      seriesInstanceUid: `${imagingStudy.studyInstanceUid}.1`,
      modality: 'MG',
      bodyPart: 'BREAST',
    },
  });
  const image = await db.image.create({
    data: {
      seriesId: series.id,
      sopInstanceUid: `${series.seriesInstanceUid}.1`,
      sha256: 'f'.repeat(64),
      rows: 10,
      columns: 10,
      laterality: 'L',
    },
  });

  const finding = (data: FindingInput) =>
    db.finding.create({
      data: {
        source: 'RULE',
        confidence: 0.9,
        extractorId: 'imagehr-local',
        extractorVersion: '1.0.0',
        status: 'ACCEPTED',
        reviewedById: reviewer.user.id,
        reviewedAt: new Date('2024-04-01T00:00:00Z'),
        ...data,
        patientId: patient.id,
      },
    });

  const f = {
    sysbp: await finding({
      kind: 'VITAL_SIGN',
      documentId: docs.before.id,
      label: 'SYSBP',
      value: '138',
      unit: 'mmHg',
      domain: 'VS',
      variables: { VSTESTCD: 'SYSBP', VSORRES: '138', VSORRESU: 'mmHg', VSSTRESN: 138, VSSTRESU: 'mmHg' },
    }),
    temp: await finding({
      kind: 'VITAL_SIGN',
      documentId: docs.first.id,
      label: 'TEMP',
      value: '98.6',
      unit: 'F',
      domain: 'VS',
      variables: { VSTESTCD: 'TEMP', VSORRES: '98.6', VSORRESU: 'F', VSSTRESN: 37, VSSTRESU: 'C' },
    }),
    weight: await finding({
      kind: 'VITAL_SIGN',
      documentId: docs.second.id,
      status: 'EDITED',
      label: 'Weight',
      value: '200',
      unit: 'lbs',
      domain: 'VS',
      variables: { VSTESTCD: 'WEIGHT', VSORRES: '197.7', VSORRESU: 'LB', VSSTRESN: 89.68, VSSTRESU: 'kg' },
    }),
    heightProposed: await finding({
      kind: 'VITAL_SIGN',
      documentId: docs.second.id,
      status: 'PROPOSED',
      reviewedById: null,
      reviewedAt: null,
      label: 'HEIGHT',
      value: '70',
      unit: 'in',
      domain: 'VS',
      variables: { VSTESTCD: 'HEIGHT', VSORRES: '70', VSORRESU: 'in', VSSTRESN: 177.8, VSSTRESU: 'cm' },
    }),
    lisinopril: await finding({
      kind: 'MEDICATION',
      documentId: docs.first.id,
      label: 'lisinopril',
      value: '10',
      unit: 'mg',
      domain: 'CM',
      variables: {
        CMTRT: 'lisinopril',
        CMDOSE: 10,
        CMDOSU: 'mg',
        CMROUTE: 'PO',
        CMDOSFRQ: 'daily',
        CMENRTPT: 'ONGOING',
        CMENTPT: 'DOCUMENT DATE',
      },
    }),
    allergy: await finding({
      kind: 'ALLERGY',
      documentId: docs.second.id,
      label: 'penicillin allergy',
      domain: 'MH',
      variables: { MHTERM: 'penicillin allergy', MHCAT: 'ALLERGY', MHREACT: 'hives' },
    }),
    hypertension: await finding({
      kind: 'CONDITION',
      documentId: docs.first.id,
      assertion: 'HISTORICAL',
      label: 'hypertension',
      code: 'I10',
      codeSystem: 'http://hl7.org/fhir/sid/icd-10-cm',
      domain: 'MH',
      variables: { MHTERM: 'hypertension', MHSTDTC: '2019-03' },
    }),
    chestPainNegated: await finding({
      kind: 'SYMPTOM',
      documentId: docs.first.id,
      assertion: 'NEGATED',
      label: 'chest pain',
      domain: 'MH',
      variables: { MHTERM: 'chest pain' },
    }),
    hemoglobin: await finding({
      kind: 'LAB',
      documentId: docs.first.id,
      label: 'HGB',
      value: '10.2',
      unit: 'g/dL',
      domain: 'LB',
      variables: {
        LBTESTCD: 'HGB',
        LBTEST: 'Hemoglobin',
        LBORRES: '10.2',
        LBORRESU: 'g/dL',
        LBORNRLO: '12.0',
        LBORNRHI: '16.0',
        LBNRIND: 'LOW',
      },
    }),
    glucoseRejected: await finding({
      kind: 'LAB',
      documentId: docs.first.id,
      status: 'REJECTED',
      label: 'GLUC',
      value: '250',
      unit: 'mg/dL',
      domain: 'LB',
      variables: { LBTESTCD: 'GLUC', LBORRES: '250', LBORRESU: 'mg/dL' },
    }),
    chestXray: await finding({
      kind: 'IMAGING',
      documentId: docs.first.id,
      label: 'chest x-ray',
      domain: 'PR',
      variables: { PRTRT: 'chest x-ray', PRCAT: 'IMAGING' },
    }),
    effusion: await finding({ kind: 'IMAGING', documentId: docs.first.id, label: 'pleural effusion' }),
    noEffusion: await finding({
      kind: 'IMAGING',
      documentId: docs.second.id,
      assertion: 'NEGATED',
      label: 'pleural effusion',
    }),
    cardiomegaly: await finding({ kind: 'IMAGING', documentId: docs.first.id, label: 'cardiomegaly' }),
    rash: await finding({
      kind: 'ADVERSE_EVENT',
      documentId: docs.second.id,
      label: 'rash',
      domain: 'AE',
      variables: { AETERM: 'rash', AESEV: 'mild', AESER: 'N', AESTDTC: '2024-03' },
    }),
    birads: await finding({ kind: 'BIRADS', imageId: image.id, source: 'HUMAN', label: 'BI-RADS 4A' }),
    ethnicity: await finding({
      kind: 'DEMOGRAPHIC',
      documentId: docs.first.id,
      label: 'not hispanic',
      domain: 'DM',
      variables: { ETHNIC: 'Not Hispanic or Latino' },
    }),
  };
  return { study, studyCode, patient, subject, reviewer, coordinator, docs, image, f };
}
