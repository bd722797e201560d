/**
 * The study-level metadata a Define-XML 2.1 document needs beyond what an `SdtmDataset` carries: study
 * identity, standards, dataset class/structure/keys, variable origins, codelists with their terms, methods,
 * comments and documents. Plain data, so the writer can be tested without the standards or the database.
 */

/** Define-XML 2.1 `def:Class/@Name` (define-enumerations.xsd, ItemGroupClass), for SDTM. */
export const DEFINE_CLASSES = [
  'EVENTS',
  'FINDINGS',
  'FINDINGS ABOUT',
  'INTERVENTIONS',
  'RELATIONSHIP',
  'SPECIAL PURPOSE',
  'STUDY REFERENCE',
  'TRIAL DESIGN',
] as const;
export type DefineClass = (typeof DEFINE_CLASSES)[number];

/** `def:Origin/@Type` (define-enumerations.xsd, OriginType). */
export type OriginType =
  'Assigned' | 'Collected' | 'Derived' | 'Not Available' | 'Other' | 'Predecessor' | 'Protocol';
/** `def:Origin/@Source` (define-enumerations.xsd, OriginSource). */
export type OriginSource = 'Investigator' | 'Sponsor' | 'Subject' | 'Vendor';

/** ODM `ItemDef/@DataType` values used for SDTM variables. */
export type DefineDataType =
  | 'text'
  | 'integer'
  | 'float'
  | 'date'
  | 'datetime'
  | 'time'
  | 'partialDate'
  | 'partialTime'
  | 'partialDatetime'
  | 'incompleteDatetime'
  | 'durationDatetime'
  | 'intervalDatetime';

/** A page reference into a document listed in `DefineMetadata.documents` (e.g. the annotated CRF). */
export interface DefineDocumentRef {
  documentId: string;
  /** Space-separated physical page numbers ("6 7") or named destinations. */
  pages?: string;
  pageType?: 'PhysicalRef' | 'NamedDestination';
}

export interface DefineOrigin {
  type: OriginType;
  source?: OriginSource;
  description?: string;
  documents?: DefineDocumentRef[];
}

export interface DefineVariableMeta {
  /** Overrides `SdtmVariable.label`. */
  label?: string;
  /** Overrides `SdtmVariable.role` (ItemRef/@Role). */
  role?: string;
  /** ItemRef/@Mandatory. Default: `core === 'Req'`. */
  mandatory?: boolean;
  /** Overrides `SdtmVariable.codelist`: the `id` (or `nciCode`) of an entry in `DefineMetadata.codelists`;
   * null for none. */
  codelist?: string | null;
  origin?: DefineOrigin;
  /** The `id` of an entry in `DefineMetadata.methods` (ItemRef/@MethodOID). */
  methodId?: string;
  /** Free-text comment, written as a def:CommentDef. */
  comment?: string;
  /** Overrides the data type inferred from the variable type, name and values. */
  dataType?: DefineDataType;
  /** Overrides the length computed from the data. */
  length?: number;
  significantDigits?: number;
  /** Non-standard (sponsor) variable kept in the parent dataset (ItemRef/@def:IsNonStandard). */
  isNonStandard?: boolean;
}

export interface DefineDatasetMeta {
  class: DefineClass;
  /** def:Structure, e.g. "One record per subject". */
  structure: string;
  /** Natural key variables, in key order (ItemRef/@KeySequence). */
  keys: string[];
  /** Overrides `SdtmDataset.label` (Description). */
  label?: string;
  /** Default: "Yes" when the dataset has USUBJID and is not DM. */
  repeating?: boolean;
  /** Default: "Yes" when the dataset has no USUBJID (trial design). */
  isReferenceData?: boolean;
  isNonStandard?: boolean;
  comment?: string;
  /** ItemGroupDef/@Domain. Default: the parent domain for SUPP-- datasets ("SUPPMH" → "MH"), else the name. */
  domain?: string;
  /** Per-variable metadata, keyed by variable name. */
  variables?: Record<string, DefineVariableMeta>;
  /** Supplemental-qualifier datasets (with QNAM and QVAL): value-level metadata for QVAL, keyed by QNAM.
   * Without an entry the label comes from QLABEL and the origin from QORIG. */
  qualifiers?: Record<string, DefineVariableMeta>;
}

export interface DefineTerm {
  /** CDISC submission value (CodedValue). */
  value: string;
  /** When any term of a codelist has a decode the codelist is written with CodeListItem/Decode. */
  decode?: string;
  /** NCI C-code of the term (Alias nci:ExtCodeID). */
  nciCode?: string;
}

export interface DefineCodelist {
  /** Key that variables refer to: the NCI codelist code (C66731) or a sponsor key (ARMCD). */
  id: string;
  name: string;
  /** NCI C-code of the codelist; set for CDISC CT codelists (then def:StandardOID points at the CT). */
  nciCode?: string;
  /** Whether sponsors may add values (CT "Codelist Extensible"). Extra values in the data are then written
   * with def:ExtendedValue="Yes"; for a non-extensible codelist they are left out (a conformance issue). */
  extensible?: boolean;
  dataType?: 'text' | 'integer' | 'float';
  terms: DefineTerm[];
  /** An external dictionary (MedDRA, WHODrug, ICD-10-CM, ISO 3166…) instead of enumerated terms: written as
   * ExternalCodeList, and `terms` is ignored. */
  dictionary?: { name: string; version: string; href?: string };
  /** 'used' (default): only the terms that occur in the data of the variables using the codelist (the whole
   * list when none occurs). 'all': every term. */
  termSelection?: 'used' | 'all';
  comment?: string;
}

export interface DefineMethod {
  id: string;
  name: string;
  type: 'Computation' | 'Imputation' | 'Transpose' | 'Other';
  description: string;
  /** Optional machine-readable expression, with its context (e.g. "SQL", "R 4.4"). */
  expression?: { context: string; code: string };
}

export interface DefineDocument {
  id: string;
  /** Path relative to define.xml, e.g. "acrf.pdf". */
  href: string;
  title: string;
  /** 'annotatedCrf' is listed in def:AnnotatedCRF, 'supplemental' in def:SupplementalDoc. */
  kind: 'annotatedCrf' | 'supplemental' | 'other';
}

export interface DefineMetadata {
  study: {
    /** Study OID; default "STDY.<name>". */
    oid?: string;
    name: string;
    description: string;
    protocolName: string;
  };
  /** def:Context: "Submission" for a regulatory package. Default "Submission". */
  context?: 'Submission' | 'Other';
  /** Implementation guide. Default SDTMIG 3.4. */
  standard?: { name: 'SDTMIG'; version: string };
  /** CDISC CT (SDTM publishing set) release, e.g. "2025-03-28". */
  ctVersion: string;
  fileOid?: string;
  /** ODM/@CreationDateTime, ISO 8601 without fraction. Default now (UTC). */
  creationDateTime?: string;
  originator?: string;
  sourceSystem?: string;
  sourceSystemVersion?: string;
  metaDataVersion?: { oid?: string; name?: string; description?: string };
  /** Prefix of the dataset file links (def:leaf/@xlink:href), e.g. "datasets/". Default "". */
  datasetHrefPrefix?: string;
  /** `<?xml-stylesheet?>` href; null for none. Default "define2-1.xsl". */
  stylesheetHref?: string | null;
  /** Per-dataset metadata, keyed by dataset name. Every written dataset needs an entry. */
  datasets: Record<string, DefineDatasetMeta>;
  codelists?: DefineCodelist[];
  methods?: DefineMethod[];
  documents?: DefineDocument[];
  /** Origin for variables that have none of their own. */
  defaultOrigin?: DefineOrigin;
}

/**
 * Maps an SDTMIG class name as the CDISC Library writes it ("Special-Purpose", "Findings About") to the
 * Define-XML enumeration ("SPECIAL PURPOSE", "FINDINGS ABOUT"). Returns undefined for unknown classes.
 */
export function toDefineClass(sdtmigClass: string): DefineClass | undefined {
  const name = sdtmigClass
    .trim()
    .toUpperCase()
    .replace(/[-_\s]+/g, ' ');
  return (DEFINE_CLASSES as readonly string[]).includes(name) ? (name as DefineClass) : undefined;
}
