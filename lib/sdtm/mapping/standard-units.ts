/**
 * Vital-sign results in CDISC standard units (SDTM-GUIDE §7): mmHg, beats/min, breaths/min, C, %, kg, cm,
 * kg/m2. The same factors as the extractor (lib/extract/vitals.ts), rounded the same way (2 decimals). A test
 * whose unit cannot be anything but the standard one (blood pressure in mmHg, pulse in beats/min...) takes it
 * when no unit is written; temperature, weight and height without a unit get no standard result (a unit is
 * never guessed here).
 */
import { round } from '../../extract/finding.ts';
import { ctTerm } from './controlled-terms.ts';
import { text } from './finding-fields.ts';

interface Standard {
  unit: string;
  /** Original unit (VSRESU submission value) → conversion to the standard unit. */
  from: Record<string, (x: number) => number>;
  /** The standard unit is the only one in use for this test, so an unwritten unit is it. */
  implicit: boolean;
}

const same = (x: number) => x;

const STANDARDS: Record<string, Standard> = {
  SYSBP: { unit: 'mmHg', from: { mmHg: same }, implicit: true },
  DIABP: { unit: 'mmHg', from: { mmHg: same }, implicit: true },
  PULSE: { unit: 'beats/min', from: { 'beats/min': same }, implicit: true },
  HR: { unit: 'beats/min', from: { 'beats/min': same }, implicit: true },
  RESP: { unit: 'breaths/min', from: { 'breaths/min': same }, implicit: true },
  OXYSAT: { unit: '%', from: { '%': same }, implicit: true },
  BMI: { unit: 'kg/m2', from: { 'kg/m2': same }, implicit: true },
  TEMP: { unit: 'C', from: { C: same, F: (x) => ((x - 32) * 5) / 9, K: (x) => x - 273.15 }, implicit: false },
  WEIGHT: {
    unit: 'kg',
    from: { kg: same, LB: (x) => x * 0.45359237, g: (x) => x / 1000, oz: (x) => x * 0.028349523125 },
    implicit: false,
  },
  HEIGHT: {
    unit: 'cm',
    from: { cm: same, in: (x) => x * 2.54, m: (x) => x * 100, mm: (x) => x / 10, ft: (x) => x * 30.48 },
    implicit: false,
  },
};

/** Written vital-sign units the VSRESU codelist has no synonym for. */
const UNIT_ALIASES: Record<string, string> = {
  LBS: 'LB',
  POUND: 'LB',
  POUNDS: 'LB',
  '#': 'LB',
  KGS: 'kg',
  KILOGRAM: 'kg',
  KILOGRAMS: 'kg',
  INCH: 'in',
  INCHES: 'in',
  '"': 'in',
  CENTIMETER: 'cm',
  CENTIMETERS: 'cm',
  METER: 'm',
  METERS: 'm',
  FEET: 'ft',
  FOOT: 'ft',
  '°F': 'F',
  DEGF: 'F',
  FAHRENHEIT: 'F',
  '°C': 'C',
  DEGC: 'C',
  CELSIUS: 'C',
  BPM: 'beats/min',
  'BEATS PER MINUTE': 'beats/min',
  'BREATHS PER MINUTE': 'breaths/min',
  'MM HG': 'mmHg',
  MMHG: 'mmHg',
  PERCENT: '%',
  'KG/M^2': 'kg/m2',
  'KG/M²': 'kg/m2',
};

/** A written vital-sign unit as its VSRESU (C66770) submission value, or as written when unknown. */
export function vitalUnit(value: unknown): string | null {
  const t = text(value);
  if (t === null) return null;
  return ctTerm('C66770', t) ?? UNIT_ALIASES[t.toUpperCase()] ?? t;
}

export interface StandardResult {
  stresc: string | null;
  stresn: number | null;
  stresu: string | null;
}

/** VSSTRESC/VSSTRESN/VSSTRESU for a result in its original unit. */
export function standardVital(testcd: string, orres: string, orresu: string | null): StandardResult {
  const x = /^-?\d+(\.\d+)?$/.test(orres) ? Number(orres) : null;
  const std = STANDARDS[testcd];
  if (x === null) return { stresc: orres, stresn: null, stresu: null };
  if (!std) return { stresc: String(x), stresn: x, stresu: orresu };
  const unit = orresu ?? (std.implicit ? std.unit : null);
  const convert = unit === null ? undefined : std.from[unit];
  if (!convert) return { stresc: null, stresn: null, stresu: null };
  const value = round(convert(x), 2);
  return { stresc: String(value), stresn: value, stresu: std.unit };
}
