/** A stable pseudonym for a patient, shown to roles without access to direct identifiers. */
import crypto from 'node:crypto';

export function pseudonymFor(siteCode: string, mrn: string): string {
  const h = crypto.createHash('sha256').update(`${siteCode}\u0000${mrn}`).digest('hex');
  return `PT-${h.slice(0, 8).toUpperCase()}`;
}
