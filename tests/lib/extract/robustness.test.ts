import { describe, expect, it } from 'vitest';
import { extractFindings } from '../../../lib/extract/extract-findings.ts';
import { hasCorpus, mtsamplesNotes } from './corpus.ts';

/** Deterministic pseudo-random generator (no Math.random in tests). */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

/** Runs the extractor and measures the CPU time this process spent (not wall time, so a busy machine does not
 * make the test flaky; pathological backtracking would still show as seconds or minutes of CPU). */
function timed(text: string) {
  const before = process.cpuUsage();
  const result = extractFindings(text);
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000 };
}

describe('robustness', () => {
  it('handles empty, whitespace and non-string input', () => {
    expect(extractFindings('').findings).toEqual([]);
    expect(extractFindings('   \n\n\t').findings).toEqual([]);
    expect(extractFindings(undefined as unknown as string).findings).toEqual([]);
  });

  it('survives binary junk, lone surrogates and control characters', () => {
    const rnd = lcg(7);
    let junk = '';
    for (let i = 0; i < 200_000; i++) junk += String.fromCharCode(Math.floor(rnd() * 65536));
    const { result, ms } = timed(junk + '\ud800\udfff\u0000BP 120/80 ' + '\ud83d');
    expect(ms).toBeLessThan(3000);
    for (const f of result.findings)
      expect(f.text).toBe((junk + '\ud800\udfff\u0000BP 120/80 \ud83d').slice(f.start, f.end));
  });

  it('extracts a 1 MB note in well under a few seconds', () => {
    const base = hasCorpus
      ? mtsamplesNotes()
          .map((n) => n.text)
          .join('\n\n')
      : 'HPI: 42-year-old female denies chest pain. BP 138/86. Lisinopril 10 mg p.o. daily. ';
    let text = base;
    while (text.length < 1_000_000) text += base;
    text = text.slice(0, 1_000_000);
    extractFindings(base.slice(0, 20_000)); // warm the JIT
    const { result, ms } = timed(text);
    expect(result.findings.length).toBeGreaterThan(100);
    expect(ms).toBeLessThan(3000);
  });

  it.each([
    ['repeated triggers', 'no fever '.repeat(60_000)],
    ['one long word', 'a'.repeat(1_000_000)],
    ['digits', '1'.repeat(1_000_000)],
    ['line breaks', '\n'.repeat(500_000)],
    ['slashes', '1/1/1 '.repeat(150_000)],
    ['colons', 'A: '.repeat(300_000)],
    ['feet and inches', '5\'6" '.repeat(150_000)],
    ['headers', 'HISTORY OF '.repeat(90_000)],
    ['numbers and units', '10 mg 20 mL '.repeat(80_000)],
  ])('has no pathological backtracking on %s', (_name, text) => {
    const { ms } = timed(text);
    expect(ms).toBeLessThan(5000);
  });
});
