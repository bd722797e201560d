/** Where to go after signing in: a path on this site only (no open redirects), /patients by default. */
export function safeCallbackUrl(value: unknown): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\'))
    return '/patients';
  if (raw.startsWith('/login') || raw.startsWith('/api/')) return '/patients';
  return raw;
}
