import { builder } from '../../builder.ts';

builder.scalarType('DateTime', {
  serialize: (d) => d.toISOString(),
  parseValue: (v) => {
    const d = new Date(String(v));
    if (Number.isNaN(d.getTime())) throw new TypeError('DateTime must be ISO 8601');
    return d;
  },
});

builder.scalarType('Date', {
  serialize: (d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d),
  parseValue: (v) => {
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v))
      throw new TypeError('Date must be YYYY-MM-DD');
    return v;
  },
});

builder.scalarType('JSON', { serialize: (v) => v, parseValue: (v) => v });

builder.scalarType('BigInt', {
  serialize: (v) => String(v),
  parseValue: (v) => BigInt(String(v)),
});
