/**
 * Identity of the local rule-based extractor, recorded with every finding it proposes. Bump the version whenever
 * a rule, a lexicon (lib/extract/data) or an output convention changes, so stored findings can be traced to the
 * rules that produced them.
 */
export const EXTRACTOR_ID = 'imagehr-local';
export const EXTRACTOR_VERSION = '1.1.0';
