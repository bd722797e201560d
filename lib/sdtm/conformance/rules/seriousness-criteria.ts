/** The AE seriousness criteria variables that CORE-000022 and CORE-000266 compare with AESER. */
export const SERIOUSNESS_CRITERIA = [
  'AESCAN',
  'AESCONG',
  'AESDISAB',
  'AESDTH',
  'AESHOSP',
  'AESLIFE',
  'AESOD',
  'AESMIE',
] as const;
