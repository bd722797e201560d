/**
 * Writes a Define-XML 2.1 document (ODM 1.3.2 with the def: extensions) for SDTM datasets: def:Standards
 * (SDTMIG and CDISC CT), value-level metadata for SUPP-- QVAL, ItemGroupDefs with def:Class and a def:leaf to
 * each XPT, ItemDefs with def:Origin, CodeLists with NCI C-codes, MethodDefs, def:CommentDefs and document
 * leaves, in the element order the schema requires. Validated in tests against the CDISC 2.1.10 schema.
 *
 * Throws `DefineXmlError` with every problem found (missing metadata, unknown references, names or characters
 * the schema cannot take) instead of writing a document that would not validate.
 */
import type { SdtmDataset } from '../dataset.ts';
import type { DefineDocumentRef, DefineMetadata, DefineOrigin } from './define-metadata.ts';
import { leafIdFor, oidPart, planDefine, type DefinePlan, type ItemRefPlan } from './plan-define.ts';
import { XmlWriter } from './xml-writer.ts';

/** Define-XML release whose schema this writer targets (def:DefineVersion). */
export const DEFINE_VERSION = '2.1.10';
export const DEFAULT_STANDARD = { name: 'SDTMIG', version: '3.4' } as const;

export class DefineXmlError extends Error {
  constructor(public readonly problems: string[]) {
    super(
      `Cannot write define.xml (${problems.length} problem${problems.length === 1 ? '' : 's'}): ` +
        problems.slice(0, 10).join('; ') +
        (problems.length > 10 ? '; …' : ''),
    );
    this.name = 'DefineXmlError';
  }
}

const NS = {
  xmlns: 'http://www.cdisc.org/ns/odm/v1.3',
  'xmlns:xlink': 'http://www.w3.org/1999/xlink',
  'xmlns:def': 'http://www.cdisc.org/ns/def/v2.1',
};
const XS_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const yesNo = (flag: boolean) => (flag ? 'Yes' : 'No');
const yesOnly = (flag: boolean | undefined) => (flag ? 'Yes' : undefined);

export function writeDefineXml(meta: DefineMetadata, datasets: SdtmDataset[]): string {
  const plan = planDefine(meta, datasets);
  const problems = [...plan.problems];
  const creation = meta.creationDateTime ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  if (!XS_DATETIME.test(creation))
    problems.push(`creationDateTime "${creation}" is not an ISO 8601 date-time`);
  const standard = meta.standard ?? DEFAULT_STANDARD;
  const studyKey = oidPart(meta.study.name);
  const igStandardOid = `STD.${oidPart(standard.name)}.${oidPart(standard.version)}`;
  const ctStandardOid = `STD.CT.SDTM.${oidPart(meta.ctVersion)}`;

  const w = new XmlWriter();
  w.raw('<?xml version="1.0" encoding="UTF-8"?>');
  const stylesheet = meta.stylesheetHref === undefined ? 'define2-1.xsl' : meta.stylesheetHref;
  if (stylesheet !== null) {
    w.raw(
      `<?xml-stylesheet type="text/xsl" href="${stylesheet.replace(/[^A-Za-z0-9._/-]/g, encodeURIComponent)}"?>`,
    );
  }
  w.open('ODM', {
    ...NS,
    ODMVersion: '1.3.2',
    FileType: 'Snapshot',
    FileOID: meta.fileOid ?? `FILE.${studyKey}.Define-XML_2.1`,
    CreationDateTime: creation,
    Originator: meta.originator,
    SourceSystem: meta.sourceSystem ?? 'imagEHR',
    SourceSystemVersion: meta.sourceSystemVersion,
    'def:Context': meta.context ?? 'Submission',
  });
  w.open('Study', { OID: meta.study.oid ?? `STDY.${studyKey}` });
  w.open('GlobalVariables');
  w.text('StudyName', {}, meta.study.name);
  w.text('StudyDescription', {}, meta.study.description);
  w.text('ProtocolName', {}, meta.study.protocolName);
  w.close();
  w.open('MetaDataVersion', {
    OID:
      meta.metaDataVersion?.oid ?? `MDV.${studyKey}.${oidPart(standard.name)}.${oidPart(standard.version)}`,
    Name: meta.metaDataVersion?.name ?? `Study ${meta.study.name}, Data Definitions`,
    Description: meta.metaDataVersion?.description ?? `SDTM data definitions for study ${meta.study.name}`,
    'def:DefineVersion': DEFINE_VERSION,
  });

  w.open('def:Standards');
  w.empty('def:Standard', {
    OID: igStandardOid,
    Name: standard.name,
    Type: 'IG',
    Version: standard.version,
    Status: 'Final',
  });
  if (plan.codelists.some((c) => c.codelist.nciCode !== undefined)) {
    w.empty('def:Standard', {
      OID: ctStandardOid,
      Name: 'CDISC/NCI',
      Type: 'CT',
      PublishingSet: 'SDTM',
      Version: meta.ctVersion,
      Status: 'Final',
    });
  }
  w.close();
  writeDocumentLists(w, plan);

  for (const vl of plan.valueLists) {
    w.open('def:ValueListDef', { OID: vl.oid });
    for (const ref of vl.itemRefs) writeItemRef(w, ref);
    w.close();
  }
  for (const wc of plan.whereClauses) {
    w.open('def:WhereClauseDef', { OID: wc.oid });
    w.open('RangeCheck', { Comparator: 'EQ', SoftHard: 'Soft', 'def:ItemOID': wc.itemOid });
    w.text('CheckValue', {}, wc.value);
    w.close().close();
  }

  for (const g of plan.groups) {
    w.open('ItemGroupDef', {
      OID: g.oid,
      Domain: g.domain,
      Name: g.name,
      Repeating: yesNo(g.repeating),
      IsReferenceData: yesNo(g.isReferenceData),
      SASDatasetName: g.name,
      'def:Structure': g.structure,
      Purpose: 'Tabulation',
      'def:StandardOID': g.isNonStandard ? undefined : igStandardOid,
      'def:IsNonStandard': yesOnly(g.isNonStandard),
      'def:HasNoData': yesOnly(g.hasNoData),
      'def:CommentOID': g.commentOid,
      'def:ArchiveLocationID': g.leaf?.id,
    });
    writeDescription(w, g.label);
    for (const ref of g.itemRefs) writeItemRef(w, ref);
    if (g.domainDescription !== undefined)
      w.empty('Alias', { Context: 'DomainDescription', Name: g.domainDescription });
    w.empty('def:Class', { Name: g.class });
    if (g.leaf) {
      w.open('def:leaf', { ID: g.leaf.id, 'xlink:href': g.leaf.href });
      w.text('def:title', {}, g.leaf.title);
      w.close();
    }
    w.close();
  }

  for (const item of plan.itemDefs) {
    w.open('ItemDef', {
      OID: item.oid,
      Name: item.name,
      DataType: item.type.dataType,
      Length: item.type.length,
      SignificantDigits: item.type.significantDigits,
      SASFieldName: item.sasFieldName,
      'def:DisplayFormat': item.displayFormat,
      'def:CommentOID': item.commentOid,
    });
    writeDescription(w, item.label);
    if (item.codelistOid) w.empty('CodeListRef', { CodeListOID: item.codelistOid });
    if (item.origin) writeOrigin(w, item.origin);
    if (item.valueListOid) w.empty('def:ValueListRef', { ValueListOID: item.valueListOid });
    w.close();
  }

  for (const cl of plan.codelists) {
    const { codelist } = cl;
    w.open('CodeList', {
      OID: cl.oid,
      Name: codelist.name,
      DataType: codelist.dataType ?? 'text',
      'def:StandardOID': codelist.nciCode !== undefined ? ctStandardOid : undefined,
      'def:CommentOID': cl.commentOid,
    });
    if (codelist.dictionary) {
      const { name, version, href } = codelist.dictionary;
      w.empty('ExternalCodeList', { Dictionary: name, Version: version, href });
    }
    cl.terms.forEach((term, i) => {
      const attrs = {
        CodedValue: term.value,
        OrderNumber: i + 1,
        'def:ExtendedValue': yesOnly(term.extended),
      };
      const element = cl.withDecode ? 'CodeListItem' : 'EnumeratedItem';
      if (!cl.withDecode && !term.nciCode) {
        w.empty(element, attrs);
        return;
      }
      w.open(element, attrs);
      if (cl.withDecode) {
        w.open('Decode');
        w.text('TranslatedText', { 'xml:lang': 'en' }, term.decode ?? term.value);
        w.close();
      }
      if (term.nciCode) w.empty('Alias', { Context: 'nci:ExtCodeID', Name: term.nciCode });
      w.close();
    });
    if (codelist.nciCode) w.empty('Alias', { Context: 'nci:ExtCodeID', Name: codelist.nciCode });
    w.close();
  }

  for (const m of plan.methods) {
    w.open('MethodDef', { OID: m.oid, Name: m.name, Type: m.type });
    writeDescription(w, m.description);
    if (m.expression) w.text('FormalExpression', { Context: m.expression.context }, m.expression.code);
    w.close();
  }
  for (const c of plan.comments) {
    w.open('def:CommentDef', { OID: c.oid });
    writeDescription(w, c.text);
    w.close();
  }
  for (const d of plan.documents) {
    w.open('def:leaf', { ID: d.leafId, 'xlink:href': d.href });
    w.text('def:title', {}, d.title);
    w.close();
  }

  w.close().close().close();
  const xml = w.toString();
  problems.push(...w.problems);
  if (problems.length) throw new DefineXmlError(problems);
  return xml;
}

function writeDocumentLists(w: XmlWriter, plan: DefinePlan): void {
  for (const [element, kind] of [
    ['def:AnnotatedCRF', 'annotatedCrf'],
    ['def:SupplementalDoc', 'supplemental'],
  ] as const) {
    const docs = plan.documents.filter((d) => d.kind === kind);
    if (!docs.length) continue;
    w.open(element);
    for (const d of docs) w.empty('def:DocumentRef', { leafID: d.leafId });
    w.close();
  }
}

function writeDescription(w: XmlWriter, text: string): void {
  w.open('Description');
  w.text('TranslatedText', { 'xml:lang': 'en' }, text);
  w.close();
}

function writeItemRef(w: XmlWriter, ref: ItemRefPlan): void {
  const attrs = {
    ItemOID: ref.itemOid,
    OrderNumber: ref.orderNumber,
    Mandatory: yesNo(ref.mandatory),
    KeySequence: ref.keySequence,
    MethodOID: ref.methodOid,
    Role: ref.role,
    'def:IsNonStandard': yesOnly(ref.isNonStandard),
  };
  if (!ref.whereClauseOid) {
    w.empty('ItemRef', attrs);
    return;
  }
  w.open('ItemRef', attrs);
  w.empty('def:WhereClauseRef', { WhereClauseOID: ref.whereClauseOid });
  w.close();
}

function writeOrigin(w: XmlWriter, origin: DefineOrigin): void {
  const refs: DefineDocumentRef[] = origin.documents ?? [];
  if (!origin.description && !refs.length) {
    w.empty('def:Origin', { Type: origin.type, Source: origin.source });
    return;
  }
  w.open('def:Origin', { Type: origin.type, Source: origin.source });
  if (origin.description) writeDescription(w, origin.description);
  for (const ref of refs) {
    if (ref.pages === undefined) {
      w.empty('def:DocumentRef', { leafID: leafIdFor(ref.documentId) });
      continue;
    }
    w.open('def:DocumentRef', { leafID: leafIdFor(ref.documentId) });
    w.empty('def:PDFPageRef', { PageRefs: ref.pages, Type: ref.pageType ?? 'PhysicalRef' });
    w.close();
  }
  w.close();
}
