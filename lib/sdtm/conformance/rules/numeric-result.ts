/** A numeric --STRESC as CORE-000732 and CORE-000863 define it: `^-?(0|[1-9]\d*)(\.\d+)?$`. */
export const NUMERIC_RESULT = /^-?(0|[1-9]\d*)(\.\d+)?$/;
