/**
 * Resolves `DefineMetadata` and the datasets into the definitions a define.xml lists — item groups, items,
 * value lists for supplemental qualifiers, where clauses, codelists with the terms actually used, methods,
 * comments and documents — with their OIDs. Every inconsistency (a missing dataset entry, an unknown
 * codelist, method or document, a name the schema rejects, a duplicate OID) is collected as a problem with its
 * location rather than stopping at the first.
 *
 * OIDs follow the CDISC example: IG.<DS>, IT.<DS>.<VAR>, IT.<DS>.QVAL.<QNAM>, VL.<DS>.QVAL, WC.<DS>.QNAM.<QNAM>,
 * CL.<codelist>, MT.<method>, COM.<...>, LF.<DS> / LF.<document>.
 */
import type { SdtmDataset, SdtmValue, SdtmVariable } from '../dataset.ts';
import {
  DEFINE_CLASSES,
  type DefineClass,
  type DefineCodelist,
  type DefineDatasetMeta,
  type DefineDocument,
  type DefineMetadata,
  type DefineMethod,
  type DefineOrigin,
  type DefineTerm,
  type DefineVariableMeta,
} from './define-metadata.ts';
import { inferItemType, isIsoDateTimeType, textLength, type ItemType } from './infer-item-type.ts';

export interface ItemRefPlan {
  itemOid: string;
  orderNumber: number;
  mandatory: boolean;
  keySequence?: number;
  methodOid?: string;
  role?: string;
  isNonStandard?: boolean;
  whereClauseOid?: string;
}

export interface ItemDefPlan {
  oid: string;
  name: string;
  label: string;
  type: ItemType;
  sasFieldName: string;
  displayFormat?: string;
  codelistOid?: string;
  origin?: DefineOrigin;
  commentOid?: string;
  valueListOid?: string;
}

export interface GroupPlan {
  oid: string;
  name: string;
  domain: string;
  label: string;
  class: DefineClass;
  structure: string;
  repeating: boolean;
  isReferenceData: boolean;
  isNonStandard?: boolean;
  hasNoData: boolean;
  commentOid?: string;
  /** For SUPP-- datasets: the label of the parent domain (Alias DomainDescription). */
  domainDescription?: string;
  leaf?: { id: string; href: string; title: string };
  itemRefs: ItemRefPlan[];
}

export interface CodelistPlan {
  oid: string;
  codelist: DefineCodelist;
  terms: (DefineTerm & { extended?: boolean })[];
  /** CodeListItem with Decode when any written term has a decode; EnumeratedItem otherwise. */
  withDecode: boolean;
  commentOid?: string;
}

export interface DefinePlan {
  groups: GroupPlan[];
  itemDefs: ItemDefPlan[];
  valueLists: { oid: string; itemRefs: ItemRefPlan[] }[];
  whereClauses: { oid: string; itemOid: string; value: string }[];
  codelists: CodelistPlan[];
  methods: (DefineMethod & { oid: string })[];
  comments: { oid: string; text: string }[];
  documents: (DefineDocument & { leafId: string })[];
  problems: string[];
}

const SAS_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,7}$/;

/** Characters kept in OIDs; anything else becomes "_". */
export function oidPart(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, '_');
}

export function leafIdFor(documentId: string): string {
  const id = oidPart(documentId);
  return `LF.${/^[A-Za-z_]/.test(id) ? id : '_' + id}`;
}

/** SUPP-- dataset name → parent domain ("SUPPMH" → "MH"); undefined otherwise. */
function suppParent(name: string): string | undefined {
  return /^SUPP[A-Z0-9]{1,4}$/i.test(name) ? name.slice(4) : undefined;
}

/** QORIG as written in SUPP-- data (SDTM-MSG: CRF, eDT, Assigned, Derived, Protocol) → def:Origin. */
export function originFromQorig(qorig: string | undefined): DefineOrigin | undefined {
  switch ((qorig ?? '').trim().toUpperCase()) {
    case 'CRF':
    case 'COLLECTED':
      return { type: 'Collected', source: 'Investigator' };
    case 'EDT':
      return { type: 'Collected', source: 'Vendor' };
    case 'ASSIGNED':
      return { type: 'Assigned', source: 'Sponsor' };
    case 'DERIVED':
      return { type: 'Derived', source: 'Sponsor' };
    case 'PROTOCOL':
      return { type: 'Protocol', source: 'Sponsor' };
    case 'PREDECESSOR':
      return { type: 'Predecessor', source: 'Sponsor' };
    default:
      return undefined;
  }
}

/** An own property only: names like "constructor" must not find Object.prototype members. */
function own<T>(record: Record<string, T> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

function valueText(v: SdtmValue | undefined): string | undefined {
  return v === null || v === undefined || v === '' ? undefined : String(v);
}

export function planDefine(meta: DefineMetadata, datasets: SdtmDataset[]): DefinePlan {
  const problems: string[] = [];
  const oids = new Set<string>();
  const claim = (oid: string, where: string) => {
    if (oids.has(oid)) problems.push(`${where}: OID ${oid} is used twice`);
    oids.add(oid);
    return oid;
  };

  const codelistsById = new Map<string, DefineCodelist>();
  for (const cl of meta.codelists ?? []) {
    if (codelistsById.has(cl.id)) problems.push(`codelist ${cl.id}: defined twice`);
    codelistsById.set(cl.id, cl);
  }
  const findCodelist = (ref: string) =>
    codelistsById.get(ref) ??
    (meta.codelists ?? []).find((cl) => cl.nciCode !== undefined && cl.nciCode === ref);
  const methodsById = new Map((meta.methods ?? []).map((m) => [m.id, m]));
  const documentsById = new Map((meta.documents ?? []).map((d) => [d.id, d]));

  const groups: GroupPlan[] = [];
  const itemDefs: ItemDefPlan[] = [];
  const valueLists: DefinePlan['valueLists'] = [];
  const whereClauses: DefinePlan['whereClauses'] = [];
  const comments: DefinePlan['comments'] = [];
  const usedMethods: DefinePlan['methods'] = [];
  /** Codelists in order of first use, with the values the data holds for them. */
  const codelistUse = new Map<DefineCodelist, Set<string>>();

  const addComment = (oid: string, text: string | undefined, where: string) => {
    if (text === undefined) return undefined;
    comments.push({ oid: claim(oid, where), text });
    return oid;
  };
  const methodOid = (id: string | undefined, where: string) => {
    if (id === undefined) return undefined;
    const method = methodsById.get(id);
    if (!method) {
      problems.push(`${where}: unknown method "${id}"`);
      return undefined;
    }
    const oid = `MT.${oidPart(id)}`;
    if (!usedMethods.some((m) => m.oid === oid))
      usedMethods.push({ ...method, oid: claim(oid, `method ${id}`) });
    return oid;
  };
  const codelistOid = (ref: string | null | undefined, values: SdtmValue[], where: string) => {
    if (ref === undefined || ref === null) return undefined;
    const cl = findCodelist(ref);
    if (!cl) {
      problems.push(`${where}: codelist ${ref} is not in DefineMetadata.codelists`);
      return undefined;
    }
    const used = codelistUse.get(cl) ?? new Set<string>();
    codelistUse.set(cl, used);
    for (const v of values) {
      const text = valueText(v);
      if (text !== undefined) used.add(text);
    }
    return `CL.${oidPart(cl.id)}`;
  };
  const checkOrigin = (origin: DefineOrigin | undefined, where: string) => {
    for (const ref of origin?.documents ?? []) {
      if (!documentsById.has(ref.documentId))
        problems.push(`${where}: origin refers to unknown document "${ref.documentId}"`);
    }
    return origin;
  };

  const seenDatasets = new Set<string>();
  for (const ds of datasets) {
    const where = `dataset ${ds.name}`;
    if (seenDatasets.has(ds.name)) problems.push(`${where}: listed twice`);
    seenDatasets.add(ds.name);
    if (!SAS_NAME.test(ds.name))
      problems.push(`${where}: name is not a SAS name (letters, digits, _; at most 8)`);
    const dsMeta: DefineDatasetMeta | undefined = own(meta.datasets, ds.name);
    if (!dsMeta) {
      problems.push(`${where}: no entry in DefineMetadata.datasets (class, structure, keys)`);
      continue;
    }
    if (!(DEFINE_CLASSES as readonly string[]).includes(dsMeta.class)) {
      problems.push(`${where}: class "${dsMeta.class}" is not one of ${DEFINE_CLASSES.join(', ')}`);
    }
    if (!dsMeta.structure.trim()) problems.push(`${where}: structure is empty`);
    const names = new Set(ds.variables.map((v) => v.name));
    for (const key of dsMeta.keys)
      if (!names.has(key)) problems.push(`${where}: key variable ${key} is not in the dataset`);
    for (const name of Object.keys(dsMeta.variables ?? {})) {
      if (!names.has(name))
        problems.push(`${where}: metadata given for variable ${name}, which is not in the dataset`);
    }

    const hasNoData = ds.rows.length === 0;
    const parent = suppParent(ds.name);
    const parentDataset = parent ? datasets.find((d) => d.name === parent) : undefined;
    const group: GroupPlan = {
      oid: claim(`IG.${oidPart(ds.name)}`, where),
      name: ds.name,
      domain: dsMeta.domain ?? parent ?? ds.name,
      label: dsMeta.label ?? ds.label,
      class: dsMeta.class,
      structure: dsMeta.structure,
      repeating: dsMeta.repeating ?? (names.has('USUBJID') && ds.name !== 'DM'),
      isReferenceData: dsMeta.isReferenceData ?? !names.has('USUBJID'),
      isNonStandard: dsMeta.isNonStandard,
      hasNoData,
      commentOid: addComment(`COM.${oidPart(ds.name)}`, dsMeta.comment, where),
      domainDescription: parent ? (own(meta.datasets, parent)?.label ?? parentDataset?.label) : undefined,
      leaf: hasNoData
        ? undefined
        : {
            id: claim(`LF.${oidPart(ds.name)}`, where),
            href: `${meta.datasetHrefPrefix ?? ''}${ds.name.toLowerCase()}.xpt`,
            title: `${ds.name.toLowerCase()}.xpt`,
          },
      itemRefs: [],
    };
    groups.push(group);

    const seenVariables = new Set<string>();
    ds.variables.forEach((variable, index) => {
      const vWhere = `${ds.name}.${variable.name}`;
      if (seenVariables.has(variable.name)) problems.push(`${vWhere}: variable listed twice`);
      seenVariables.add(variable.name);
      if (!SAS_NAME.test(variable.name))
        problems.push(`${vWhere}: name is not a SAS name (letters, digits, _; at most 8)`);
      const vm: DefineVariableMeta = own(dsMeta.variables, variable.name) ?? {};
      const values = ds.rows.map((r) => r[variable.name] ?? null);
      const oid = claim(`IT.${oidPart(ds.name)}.${oidPart(variable.name)}`, vWhere);
      const keyIndex = dsMeta.keys.indexOf(variable.name);
      group.itemRefs.push({
        itemOid: oid,
        orderNumber: index + 1,
        mandatory: vm.mandatory ?? variable.core === 'Req',
        keySequence: keyIndex >= 0 ? keyIndex + 1 : undefined,
        methodOid: methodOid(vm.methodId, vWhere),
        role: vm.role ?? variable.role,
        isNonStandard: vm.isNonStandard,
      });
      const item: ItemDefPlan = {
        oid,
        name: variable.name,
        label: vm.label ?? variable.label,
        type: itemType(variable, values, vm),
        sasFieldName: variable.name,
        displayFormat: variable.format,
        codelistOid: codelistOid(vm.codelist === undefined ? variable.codelist : vm.codelist, values, vWhere),
        origin: checkOrigin(vm.origin ?? meta.defaultOrigin, vWhere),
        commentOid: addComment(`COM.${oidPart(ds.name)}.${oidPart(variable.name)}`, vm.comment, vWhere),
      };
      itemDefs.push(item);
      if (variable.name === 'QVAL' && names.has('QNAM') && !hasNoData) {
        item.valueListOid = planQualifiers(ds, dsMeta);
      }
    });
  }

  /** Value-level metadata for QVAL of a SUPP-- dataset: one ItemDef and where clause per QNAM. */
  function planQualifiers(ds: SdtmDataset, dsMeta: DefineDatasetMeta): string | undefined {
    const byQnam = new Map<string, Record<string, SdtmValue>[]>();
    for (const row of ds.rows) {
      const qnam = valueText(row.QNAM);
      if (qnam === undefined) continue;
      const rows = byQnam.get(qnam) ?? [];
      rows.push(row);
      byQnam.set(qnam, rows);
    }
    for (const name of Object.keys(dsMeta.qualifiers ?? {})) {
      if (!byQnam.has(name))
        problems.push(`dataset ${ds.name}: qualifier metadata given for QNAM ${name}, which has no records`);
    }
    if (byQnam.size === 0) return undefined;
    const vlOid = claim(`VL.${oidPart(ds.name)}.QVAL`, `dataset ${ds.name}`);
    const itemRefs: ItemRefPlan[] = [];
    let order = 0;
    for (const [qnam, rows] of byQnam) {
      const where = `${ds.name}.QVAL where QNAM=${qnam}`;
      if (!SAS_NAME.test(qnam))
        problems.push(`${where}: QNAM is not a SAS name (letters, digits, _; at most 8)`);
      const qm: DefineVariableMeta = own(dsMeta.qualifiers, qnam) ?? {};
      const values = rows.map((r) => r.QVAL ?? null);
      const oid = claim(`IT.${oidPart(ds.name)}.QVAL.${oidPart(qnam)}`, where);
      const wcOid = claim(`WC.${oidPart(ds.name)}.QNAM.${oidPart(qnam)}`, where);
      // Length and type from this qualifier's own values, not from QVAL's declared length.
      const qualifier: SdtmVariable = { name: qnam, label: qnam, type: 'Char' };
      const label = qm.label ?? rows.map((r) => valueText(r.QLABEL)).find((l) => l !== undefined) ?? qnam;
      const qorig = rows.map((r) => valueText(r.QORIG)).find((o) => o !== undefined);
      itemDefs.push({
        oid,
        name: qnam,
        label,
        type: itemType(qualifier, values, qm),
        sasFieldName: qnam,
        codelistOid: codelistOid(qm.codelist, values, where),
        origin: checkOrigin(qm.origin ?? originFromQorig(qorig) ?? meta.defaultOrigin, where),
        commentOid: addComment(`COM.${oidPart(ds.name)}.QVAL.${oidPart(qnam)}`, qm.comment, where),
      });
      whereClauses.push({ oid: wcOid, itemOid: `IT.${oidPart(ds.name)}.QNAM`, value: qnam });
      itemRefs.push({
        itemOid: oid,
        orderNumber: ++order,
        mandatory: qm.mandatory ?? false,
        methodOid: methodOid(qm.methodId, where),
        whereClauseOid: wcOid,
      });
    }
    valueLists.push({ oid: vlOid, itemRefs });
    return vlOid;
  }

  const codelists: CodelistPlan[] = [];
  for (const [cl, used] of codelistUse) {
    const where = `codelist ${cl.id}`;
    if (!cl.name.trim()) problems.push(`${where}: name is empty`);
    if (cl.dictionary) {
      codelists.push({
        oid: claim(`CL.${oidPart(cl.id)}`, where),
        codelist: cl,
        terms: [],
        withDecode: false,
        commentOid: addComment(`COM.CL.${oidPart(cl.id)}`, cl.comment, where),
      });
      continue;
    }
    const known = new Set(cl.terms.map((t) => t.value));
    const onlyUsed = (cl.termSelection ?? 'used') === 'used' && used.size > 0;
    let terms: CodelistPlan['terms'] = onlyUsed ? cl.terms.filter((t) => used.has(t.value)) : cl.terms;
    if (cl.extensible) {
      terms = [
        ...terms,
        ...[...used].filter((v) => !known.has(v)).map((value) => ({ value, extended: true })),
      ];
    }
    // Data holding only values outside a non-extensible list (a conformance issue): describe the list.
    if (terms.length === 0) terms = cl.terms;
    if (terms.length === 0) {
      problems.push(`${where}: has no terms to write`);
      continue;
    }
    codelists.push({
      oid: claim(`CL.${oidPart(cl.id)}`, where),
      codelist: cl,
      terms,
      withDecode: terms.some((t) => t.decode !== undefined),
      commentOid: addComment(`COM.CL.${oidPart(cl.id)}`, cl.comment, where),
    });
  }

  const documents = (meta.documents ?? []).map((d) => ({
    ...d,
    leafId: claim(leafIdFor(d.id), `document ${d.id}`),
  }));

  return {
    groups,
    itemDefs,
    valueLists,
    whereClauses,
    codelists,
    methods: usedMethods,
    comments,
    documents,
    problems,
  };
}

function itemType(variable: SdtmVariable, values: SdtmValue[], vm: DefineVariableMeta): ItemType {
  const inferred = inferItemType(variable, values);
  const dataType = vm.dataType ?? inferred.dataType;
  if (isIsoDateTimeType(dataType)) return { dataType };
  const length = vm.length ?? inferred.length ?? textLength(variable, values);
  const significantDigits =
    vm.significantDigits ?? (dataType === 'float' ? inferred.significantDigits : undefined);
  return { dataType, length, significantDigits };
}
