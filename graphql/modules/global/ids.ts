/** Relay global ids ("Patient:abc" in base64) decoded at the edge, with the type checked. */
import { decodeGlobalID } from '@pothos/plugin-relay';

export function decodeIdArg(id: string | number | null | undefined, typename: string): string | null {
  if (id === null || id === undefined || id === '') return null;
  try {
    const decoded = decodeGlobalID(String(id));
    return decoded.typename === typename ? decoded.id : '__invalid__';
  } catch {
    return '__invalid__';
  }
}
