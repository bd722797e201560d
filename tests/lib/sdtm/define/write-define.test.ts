import { describe, expect, it } from 'vitest';
import type { SdtmDataset } from '../../../../lib/sdtm/dataset.ts';
import type { DefineMetadata } from '../../../../lib/sdtm/define/define-metadata.ts';
import { DefineXmlError, writeDefineXml } from '../../../../lib/sdtm/define/write-define.ts';
import { dmDataset, studyDatasets, studyMetadata } from './study-fixture.ts';
import { attributeValues, el, validateDefine, xpath } from './xmllint.ts';

const count = (xml: string, path: string) => Number(xpath(xml, `count(${path})`));

function dmOnly(): { meta: DefineMetadata; datasets: SdtmDataset[] } {
  const meta = studyMetadata();
  return { meta: { ...meta, datasets: { DM: meta.datasets.DM } }, datasets: [dmDataset()] };
}

describe('writeDefineXml', () => {
  it('writes a minimal one-domain define that validates against the Define-XML 2.1 schema', () => {
    const { meta, datasets } = dmOnly();
    const xml = writeDefineXml(meta, datasets);
    const result = validateDefine(xml);
    expect(result.output).toContain('validates');
    expect(result.valid).toBe(true);

    expect(count(xml, `//${el('ItemGroupDef')}`)).toBe(1);
    expect(count(xml, `//${el('ItemDef')}`)).toBe(11);
    expect(xpath(xml, `string(//${el('MetaDataVersion')}/@*[local-name()="DefineVersion"])`)).toBe('2.1.10');
    expect(xpath(xml, `string(//${el('Standard')}[@Type="IG"]/@Version)`)).toBe('3.4');
    expect(xpath(xml, `string(//${el('Standard')}[@Type="CT"]/@Version)`)).toBe('2025-03-28');
    expect(xpath(xml, `string(//${el('ItemGroupDef')}/${el('Class')}/@Name)`)).toBe('SPECIAL PURPOSE');
    expect(xpath(xml, `string(//${el('ItemGroupDef')}/${el('leaf')}/@*[local-name()="href"])`)).toBe(
      'dm.xpt',
    );
    // Only the codelists DM uses are written, with only the terms in the data.
    expect(attributeValues(xml, 'CodeListOID').sort()).toEqual(
      ['CL.C66731', 'CL.C66734', 'CL.C66781', 'CL.C66790', 'CL.C74457'].sort(),
    );
    expect(attributeValues(xml, 'CodedValue')).not.toContain('BLACK OR AFRICAN AMERICAN');
  });

  it('writes DM, VS, CM, MH and SUPPMH with codelists, methods, comments and value-level metadata', () => {
    const xml = writeDefineXml(studyMetadata(), studyDatasets());
    const result = validateDefine(xml);
    expect(result.output).toContain('validates');
    expect(result.valid).toBe(true);

    expect(attributeValues(xml, 'SASDatasetName')).toEqual(['DM', 'VS', 'CM', 'MH', 'SUPPMH']);
    expect(
      ['DM', 'VS', 'CM', 'MH', 'SUPPMH'].map((ds) =>
        xpath(xml, `string(//${el('ItemGroupDef')}[@Name="${ds}"]/${el('Class')}/@Name)`),
      ),
    ).toEqual(['SPECIAL PURPOSE', 'FINDINGS', 'INTERVENTIONS', 'EVENTS', 'RELATIONSHIP']);
    expect(xpath(xml, `string(//${el('ItemGroupDef')}[@Name="SUPPMH"]/@Domain)`)).toBe('MH');
    expect(xpath(xml, `string(//${el('ItemGroupDef')}[@Name="SUPPMH"]/${el('Alias')}/@Name)`)).toBe(
      'Medical History',
    );
    expect(xpath(xml, `string(//${el('ItemGroupDef')}[@Name="DM"]/@Repeating)`)).toBe('No');
    expect(xpath(xml, `string(//${el('ItemGroupDef')}[@Name="VS"]/@Repeating)`)).toBe('Yes');

    // Keys, in key order.
    const vsKeys = xpath(xml, `//${el('ItemGroupDef')}[@Name="VS"]/${el('ItemRef')}[@KeySequence]/@ItemOID`);
    expect([...vsKeys.matchAll(/"([^"]+)"/g)].map((m) => m[1])).toEqual([
      'IT.VS.STUDYID',
      'IT.VS.USUBJID',
      'IT.VS.VSTESTCD',
      'IT.VS.VSDTC',
    ]);

    // Data types and lengths come from the data.
    const item = (oid: string, attr: string) =>
      xpath(xml, `string(//${el('ItemDef')}[@OID="${oid}"]/@${attr})`);
    expect(item('IT.VS.VSSTRESN', 'DataType')).toBe('float');
    expect(item('IT.VS.VSSTRESN', 'SignificantDigits')).toBe('2');
    expect(item('IT.VS.VSSEQ', 'DataType')).toBe('integer');
    expect(item('IT.VS.VSDTC', 'DataType')).toBe('partialDatetime');
    expect(item('IT.VS.VSDTC', 'Length')).toBe('');
    expect(item('IT.MH.MHSTDTC', 'DataType')).toBe('partialDate');
    expect(item('IT.CM.CMTRT', 'Length')).toBe('10');

    // Codelists: CDISC ones carry their C-codes; an extensible one gets the sponsor value as an extension; a
    // test-code codelist with decodes is written as CodeListItem/Decode.
    const freq = `//${el('CodeList')}[@OID="CL.C71113"]`;
    expect(xpath(xml, `string(${freq}/${el('Alias')}/@Name)`)).toBe('C71113');
    expect(xpath(xml, `string(${freq}/${el('EnumeratedItem')}[@CodedValue="QD"]/${el('Alias')}/@Name)`)).toBe(
      'C25473',
    );
    expect(
      xpath(
        xml,
        `string(${freq}/${el('EnumeratedItem')}[@CodedValue="EVERY OTHER NIGHT"]/@*[local-name()="ExtendedValue"])`,
      ),
    ).toBe('Yes');
    expect(
      xpath(
        xml,
        `string(//${el('CodeList')}[@OID="CL.C66741"]/${el('CodeListItem')}[@CodedValue="SYSBP"]/${el('Decode')})`,
      ).trim(),
    ).toBe('Systolic Blood Pressure');
    expect(xpath(xml, `string(//${el('CodeList')}[@OID="CL.MHSRC"]/@*[local-name()="StandardOID"])`)).toBe(
      '',
    );
    expect(
      xpath(xml, `string(//${el('CodeList')}[@OID="CL.ICD10CM"]/${el('ExternalCodeList')}/@Dictionary)`),
    ).toBe('ICD-10-CM');
    expect(
      xpath(
        xml,
        `string(//${el('ItemDef')}[@OID="IT.SUPPMH.QVAL.MHICD10"]/${el('CodeListRef')}/@CodeListOID)`,
      ),
    ).toBe('CL.ICD10CM');

    // SUPPMH QVAL has one value-level ItemDef per QNAM with origin from QORIG and a where clause on QNAM.
    expect(count(xml, `//${el('ValueListDef')}[@OID="VL.SUPPMH.QVAL"]/${el('ItemRef')}`)).toBe(2);
    expect(item('IT.SUPPMH.QVAL.MHICD10', 'Name')).toBe('MHICD10');
    expect(
      xpath(xml, `string(//${el('ItemDef')}[@OID="IT.SUPPMH.QVAL.MHICD10"]/${el('Origin')}/@Type)`),
    ).toBe('Assigned');
    expect(
      xpath(xml, `string(//${el('ItemDef')}[@OID="IT.SUPPMH.QVAL.MHSRC"]/${el('Origin')}/@Source)`),
    ).toBe('Vendor');
    expect(
      xpath(
        xml,
        `string(//${el('WhereClauseDef')}[@OID="WC.SUPPMH.QNAM.MHSRC"]/${el('RangeCheck')}/${el('CheckValue')})`,
      ),
    ).toBe('MHSRC');

    // Origins, methods, comments and the annotated CRF.
    expect(xpath(xml, `string(//${el('ItemDef')}[@OID="IT.DM.SEX"]//${el('PDFPageRef')}/@PageRefs)`)).toBe(
      '3',
    );
    expect(xpath(xml, `string(//${el('ItemRef')}[@ItemOID="IT.DM.AGE"]/@MethodOID)`)).toBe('MT.AGE');
    expect(attributeValues(xml, 'leafID')).toContain('LF.acrf');
  });

  it('leaves no dangling references (which the schema does not check)', () => {
    const xml = writeDefineXml(studyMetadata(), studyDatasets());
    const defined = (element: string) => oidsOf(xml, element);
    const checks: [string, string][] = [
      ['ItemOID', 'ItemDef'],
      ['CodeListOID', 'CodeList'],
      ['MethodOID', 'MethodDef'],
      ['CommentOID', 'CommentDef'],
      ['WhereClauseOID', 'WhereClauseDef'],
      ['ValueListOID', 'ValueListDef'],
      ['StandardOID', 'Standard'],
    ];
    for (const [ref, element] of checks) {
      const targets = defined(element);
      const refs = attributeValues(xml, ref);
      expect(refs.length, ref).toBeGreaterThan(0);
      expect(
        refs.filter((r) => !targets.has(r)),
        `${ref} without ${element}`,
      ).toEqual([]);
    }
    // Every ItemDef and CodeList is used.
    const itemRefs = new Set(attributeValues(xml, 'ItemOID'));
    expect([...defined('ItemDef')].filter((oid) => !itemRefs.has(oid))).toEqual([]);
    const clRefs = new Set(attributeValues(xml, 'CodeListOID'));
    expect([...defined('CodeList')].filter((oid) => !clRefs.has(oid))).toEqual([]);
  });

  it('escapes <, &, quotes, newlines and non-ASCII so the text reads back unchanged', () => {
    const { meta, datasets } = dmOnly();
    const label = `Sex <"at birth"> & 'gender' — Geschlecht ü 性别 😀`;
    const description = 'Line one & <two>\n\tindented "three"';
    datasets[0].variables.find((v) => v.name === 'SEX')!.label = label;
    const sexCodelist = meta.codelists!.find((c) => c.id === 'C66731')!;
    sexCodelist.terms[0] = { ...sexCodelist.terms[0], decode: 'Female & <femme>' };
    const tricky: DefineMetadata = {
      ...meta,
      study: { name: 'IMG&<001>', description, protocolName: `P "1" 'é'` },
      metaDataVersion: { description },
    };
    const xml = writeDefineXml(tricky, datasets);
    expect(validateDefine(xml).valid).toBe(true);
    expect(xml).not.toContain('<"at birth">');

    expect(
      xpath(xml, `string(//${el('ItemDef')}[@OID="IT.DM.SEX"]/${el('Description')}/${el('TranslatedText')})`),
    ).toBe(label);
    expect(xpath(xml, `string(//${el('StudyName')})`)).toBe('IMG&<001>');
    expect(xpath(xml, `string(//${el('StudyDescription')})`)).toBe(description);
    expect(xpath(xml, `string(//${el('ProtocolName')})`)).toBe(`P "1" 'é'`);
    // In an attribute, the newline and tab survive attribute-value normalisation.
    expect(xpath(xml, `string(//${el('MetaDataVersion')}/@Description)`)).toBe(description);
    expect(
      xpath(xml, `string(//${el('CodeListItem')}[@CodedValue="F"]/${el('Decode')}/${el('TranslatedText')})`),
    ).toBe('Female & <femme>');
    expect(xpath(xml, `string(//${el('FormalExpression')})`)).toBe(
      "floor(months_between(RFSTDTC, BRTHDTC) / 12) -- 'years' & <int>",
    );
    // Values with markup in the data become CodedValue attributes, escaped.
    datasets[0].rows[0].RACE = 'WHITE & "OTHER" <x>';
    meta.codelists!.find((c) => c.id === 'C74457')!.extensible = true;
    const xml2 = writeDefineXml(meta, datasets);
    expect(validateDefine(xml2).valid).toBe(true);
    expect(attributeValues(xml2, 'CodedValue')).toContain('WHITE &amp; &quot;OTHER&quot; &lt;x&gt;');
  });

  it('refuses characters XML 1.0 cannot carry, naming where they are', () => {
    const { meta, datasets } = dmOnly();
    datasets[0].variables.find((v) => v.name === 'AGE')!.label = 'Age\u0001';
    const err = catchError(() => writeDefineXml(meta, datasets));
    expect(err).toBeInstanceOf(DefineXmlError);
    expect((err as DefineXmlError).problems.join('\n')).toMatch(/ItemDef\[IT\.DM\.AGE\].*U\+0001/);
  });

  it('collects every metadata problem instead of stopping at the first', () => {
    const meta = studyMetadata();
    const datasets = studyDatasets();
    delete meta.datasets.CM;
    meta.datasets.VS.keys.push('VSTPTNUM');
    meta.datasets.DM.variables!.AGE.methodId = 'NO_SUCH_METHOD';
    datasets[0].variables.find((v) => v.name === 'RACE')!.codelist = 'C99999';
    datasets[3].variables.push({ name: 'MH TERM2', label: 'bad', type: 'Char' });
    meta.datasets.DM.variables!.SEX.origin!.documents = [{ documentId: 'crf-missing', pages: '1' }];
    const err = catchError(() => writeDefineXml(meta, datasets)) as DefineXmlError;
    expect(err).toBeInstanceOf(DefineXmlError);
    const text = err.problems.join('\n');
    expect(text).toContain('dataset CM: no entry in DefineMetadata.datasets');
    expect(text).toContain('dataset VS: key variable VSTPTNUM is not in the dataset');
    expect(text).toContain('DM.AGE: unknown method "NO_SUCH_METHOD"');
    expect(text).toContain('DM.RACE: codelist C99999 is not in DefineMetadata.codelists');
    expect(text).toContain('MH.MH TERM2: name is not a SAS name');
    expect(text).toContain('DM.SEX: origin refers to unknown document "crf-missing"');
  });

  it('marks an empty dataset HasNoData without a leaf, and prefixes dataset links', () => {
    const meta = { ...studyMetadata(), datasetHrefPrefix: 'datasets/' };
    const datasets = studyDatasets();
    datasets[2].rows = [];
    const xml = writeDefineXml(meta, datasets);
    expect(validateDefine(xml).valid).toBe(true);
    expect(xpath(xml, `string(//${el('ItemGroupDef')}[@Name="CM"]/@*[local-name()="HasNoData"])`)).toBe(
      'Yes',
    );
    expect(count(xml, `//${el('ItemGroupDef')}[@Name="CM"]/${el('leaf')}`)).toBe(0);
    expect(
      xpath(xml, `string(//${el('ItemGroupDef')}[@Name="VS"]/${el('leaf')}/@*[local-name()="href"])`),
    ).toBe('datasets/vs.xpt');
  });

  it('writes every term when asked, and never invents values for a non-extensible codelist', () => {
    const meta = studyMetadata();
    meta.codelists!.find((c) => c.id === 'C74457')!.termSelection = 'all';
    const datasets = studyDatasets();
    datasets[0].rows[0].SEX = 'INTERSEX';
    const xml = writeDefineXml(meta, datasets);
    expect(validateDefine(xml).valid).toBe(true);
    const race = xpath(xml, `//${el('CodeList')}[@OID="CL.C74457"]/*/@CodedValue`);
    expect(race).toContain('BLACK OR AFRICAN AMERICAN');
    const sex = xpath(xml, `//${el('CodeList')}[@OID="CL.C66731"]/*/@CodedValue`);
    expect(sex).not.toContain('INTERSEX');
  });

  it('lists only the sponsor extension when the data uses no CDISC term of an extensible codelist', () => {
    const datasets = studyDatasets();
    for (const row of datasets[2].rows) row.CMDOSFRQ = 'EVERY OTHER NIGHT';
    const xml = writeDefineXml(studyMetadata(), datasets);
    expect(validateDefine(xml).valid).toBe(true);
    const freq = `//${el('CodeList')}[@OID="CL.C71113"]/${el('EnumeratedItem')}`;
    expect(count(xml, freq)).toBe(1);
    expect(xpath(xml, `string(${freq}/@CodedValue)`)).toBe('EVERY OTHER NIGHT');
  });
});

describe('the schema check itself', () => {
  it('fails a define with a required attribute removed', () => {
    const xml = writeDefineXml(studyMetadata(), studyDatasets());
    expect(validateDefine(xml).valid).toBe(true);
    const broken = xml.replace(/ def:Structure="[^"]*"/, '');
    expect(broken).not.toBe(xml);
    const result = validateDefine(broken);
    expect(result.valid).toBe(false);
    expect(result.output).toMatch(/ItemGroupDef.*Structure.*required/);
  });

  it('fails a define with a value outside a schema enumeration', () => {
    const xml = writeDefineXml(studyMetadata(), studyDatasets());
    const broken = xml.replace('<def:Class Name="FINDINGS"/>', '<def:Class Name="FINDING"/>');
    expect(broken).not.toBe(xml);
    const result = validateDefine(broken);
    expect(result.valid).toBe(false);
    expect(result.output).toContain("'FINDING' is not an element of the set");
  });
});

/** OIDs of every element with that local name. */
function oidsOf(xml: string, element: string): Set<string> {
  return new Set([...xpath(xml, `//${el(element)}/@OID`).matchAll(/="([^"]*)"/g)].map((m) => m[1]));
}

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}
