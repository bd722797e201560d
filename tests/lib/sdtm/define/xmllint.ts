/**
 * Runs xmllint (Debian package libxml2-utils; CI must install it) on an XML string: schema validation against
 * the Define-XML 2.1 XSD kept in tests/fixtures, and XPath queries, so tests read the document back with an
 * independent XML parser. Fails loudly when xmllint is missing instead of skipping.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const DEFINE_XSD = path.resolve(
  import.meta.dirname,
  '../../../fixtures/define-xml-2.1/schema/cdisc-define-2.1/define2-1-0.xsd',
);

function xmllint(args: string[], input: string) {
  const r = spawnSync('xmllint', ['--nonet', ...args, '-'], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error) {
    throw new Error(
      `xmllint could not be run (${r.error.message}); install it: apt-get install -y libxml2-utils`,
    );
  }
  return r;
}

/** Validates against the Define-XML 2.1 schema. `output` holds xmllint's messages minus import warnings. */
export function validateDefine(xml: string): { valid: boolean; output: string } {
  const r = xmllint(['--noout', '--schema', DEFINE_XSD], xml);
  const output = r.stderr
    .split('\n')
    .filter((l) => l && !l.includes('Schemas parser warning'))
    .join('\n');
  return { valid: r.status === 0 && /- validates/.test(output), output };
}

/** Evaluates an XPath expression; for `string(...)` the exact string (xmllint's trailing newline removed). */
export function xpath(xml: string, expression: string): string {
  const r = xmllint(['--xpath', expression], xml);
  if (r.status !== 0 && !/XPath set is empty/.test(r.stderr)) {
    throw new Error(`xmllint --xpath ${expression} failed: ${r.stderr}`);
  }
  return r.stdout.endsWith('\n') ? r.stdout.slice(0, -1) : r.stdout;
}

/** Values of every `name` attribute in the document, via XPath (`//@name`). */
export function attributeValues(xml: string, name: string): string[] {
  const out = xpath(xml, `//@*[local-name()="${name}"]`);
  return [...out.matchAll(/="([^"]*)"/g)].map((m) => m[1]);
}

/** Element in any namespace by local name, for XPath paths: el('ItemDef') → *[local-name()="ItemDef"]. */
export const el = (name: string) => `*[local-name()="${name}"]`;
