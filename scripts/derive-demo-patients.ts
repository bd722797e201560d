/**
 * Derives prisma/seed/demo-patients.fhir.json from the Synthea R4 bundles in ../shared/corpus
 * (synthea/fhir_r4_synthea_hiv, Apache-2.0, synthetic people). Keeps, per patient: Patient, up to 12 Encounters,
 * Conditions, up to 40 vital-sign Observations and up to 3 clinical notes (DocumentReference). Synthea's numeric
 * name suffixes ("Alva958") are removed. Deterministic: files are taken in sorted order.
 *   node --import tsx scripts/derive-demo-patients.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SOURCE = path.resolve(import.meta.dirname, '../../shared/corpus/synthea/fhir_r4_synthea_hiv');
const OUT = path.resolve(import.meta.dirname, '../prisma/seed/demo-patients.fhir.json');
const LIMIT = 40;

type R = Record<string, any>;
const strip = (s: string) => s.replace(/\d+/g, '');
const byDate = (key: (r: R) => string | undefined) => (a: R, b: R) =>
  (key(b) ?? '').localeCompare(key(a) ?? '');

const files = fs
  .readdirSync(SOURCE)
  .filter((f) => f.endsWith('.json.gz') && !/^(hospital|practitioner)/i.test(f))
  .sort();
const entries: R[] = [];
for (const file of files) {
  const bundle = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(SOURCE, file))).toString('utf8'));
  const resources: R[] = bundle.entry.map((e: R) => e.resource);
  const patient = resources.find((r) => r.resourceType === 'Patient');
  if (!patient) continue;
  const ext = (url: string) =>
    patient.extension?.find((e: R) => e.url.endsWith(url))?.extension?.find((x: R) => x.url === 'text')
      ?.valueString;
  entries.push({
    resource: {
      resourceType: 'Patient',
      id: patient.id,
      identifier: patient.identifier
        .filter((i: R) => i.type?.coding?.[0]?.code === 'MR')
        .map((i: R) => ({
          type: { coding: [{ code: 'MR' }] },
          system: i.system,
          value: i.value.slice(0, 8).toUpperCase(),
        })),
      name: [{ family: strip(patient.name[0].family), given: patient.name[0].given.map(strip) }],
      gender: patient.gender,
      birthDate: patient.birthDate,
      extension: [
        {
          url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
          valueString: ext('us-core-race'),
        },
        {
          url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity',
          valueString: ext('us-core-ethnicity'),
        },
      ],
    },
  });
  const encounters = resources
    .filter((r) => r.resourceType === 'Encounter')
    .sort(byDate((r) => r.period?.start))
    .slice(0, 12);
  const kept = new Set(encounters.map((e) => `urn:uuid:${e.id}`));
  for (const e of encounters) {
    entries.push({
      resource: {
        resourceType: 'Encounter',
        id: e.id,
        subject: { reference: `Patient/${patient.id}` },
        class: { code: e.class?.code },
        type: [{ text: e.type?.[0]?.text }],
        period: e.period,
      },
    });
  }
  for (const c of resources.filter((r) => r.resourceType === 'Condition')) {
    entries.push({
      resource: {
        resourceType: 'Condition',
        id: c.id,
        subject: { reference: `Patient/${patient.id}` },
        code: { coding: c.code.coding.slice(0, 1), text: c.code.text },
        onsetDateTime: c.onsetDateTime,
      },
    });
  }
  const vitals = resources
    .filter((r) => r.resourceType === 'Observation' && r.category?.[0]?.coding?.[0]?.code === 'vital-signs')
    .sort(byDate((r) => r.effectiveDateTime))
    .slice(0, 40);
  for (const o of vitals) {
    entries.push({
      resource: {
        resourceType: 'Observation',
        id: o.id,
        status: o.status,
        subject: { reference: `Patient/${patient.id}` },
        code: { coding: o.code.coding.slice(0, 1), text: o.code.text },
        effectiveDateTime: o.effectiveDateTime,
        ...(o.valueQuantity ? { valueQuantity: o.valueQuantity } : {}),
        ...(o.component ? { component: o.component } : {}),
      },
    });
  }
  const notes = resources
    .filter((r) => r.resourceType === 'DocumentReference' && kept.has(r.context?.encounter?.[0]?.reference))
    .slice(0, 3);
  for (const n of notes) {
    entries.push({
      resource: {
        resourceType: 'DocumentReference',
        id: n.id,
        status: n.status,
        subject: { reference: `Patient/${patient.id}` },
        date: n.date,
        type: { text: n.type?.coding?.[0]?.display ?? 'Clinical note' },
        content: [{ attachment: { contentType: 'text/plain', data: n.content[0].attachment.data } }],
      },
    });
  }
  if (entries.filter((e) => e.resource.resourceType === 'Patient').length >= LIMIT) break;
}
const bundle = {
  resourceType: 'Bundle',
  type: 'collection',
  meta: {
    source: 'Derived from Synthea R4 bundles (google/fhir-data-pipes synthea-hiv sample data, Apache-2.0)',
  },
  entry: entries,
};
fs.writeFileSync(OUT, JSON.stringify(bundle));
console.log(`${OUT}: ${entries.length} resources, ${(fs.statSync(OUT).size / 1024).toFixed(0)} KiB`);
