/**
 * OCR accuracy and speed on real clinical notes rendered to page images.
 *
 *   node --import tsx bench/ocr.bench.ts [--notes 12] [--ablation-notes 4] [--no-write] [--images-only]
 *
 * Takes MTSamples transcriptions (/work/shared/corpus/notes/mtsamples, column `transcription`), types the first
 * page of each onto a US Letter page at 300 dpi (DejaVu Sans or Serif 11 pt, alternating) with sharp, degrades
 * copies (blur, Gaussian noise, 2–3° skew, heavy JPEG, and all of them at once as a "scan"), and OCRs every page
 * with lib/ocr/ocr-image.ts. Reports the character error rate (Levenshtein distance / reference length after
 * whitespace normalisation) and seconds per page (median wall clock, and CPU time, which is less sensitive to
 * other processes on a shared machine). An ablation on the first few notes measures what each preprocessing step
 * and the other bundled model change.
 *
 * Writes its section of bench/results/ocr.md between the `bench:ocr` markers; text outside them is kept.
 * `--images-only` just writes the page images (clean and degraded) to bench/out/ocr/ for a look. Needs the DejaVu
 * fonts (Debian: fonts-dejavu-core) and no network.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { characterErrorRate } from '../lib/ocr/character-error-rate.ts';
import { ocrImage, type OcrImageOptions } from '../lib/ocr/ocr-image.ts';
import { shutdownOcr, withOcrWorker } from '../lib/ocr/ocr-worker.ts';
import { parseCsv } from '../lib/sdtm/csv/read-csv.ts';

const root = path.resolve(import.meta.dirname, '..');
const corpusFile = path.resolve(root, '../shared/corpus/notes/mtsamples/mtsamples_first401.csv');
const resultsFile = path.join(root, 'bench/results/ocr.md');
const imagesDir = path.join(root, 'bench/out/ocr');
const START = '<!-- bench:ocr:start -->';
const END = '<!-- bench:ocr:end -->';

const TARGET_CER_CLEAN = 0.02;
const TARGET_SECONDS_PER_PAGE = 3;

const PAGE_WIDTH = 2550; // 8.5 in at 300 dpi
const PAGE_HEIGHT = 3300; // 11 in
const MARGIN = 225; // 0.75 in
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const TEXT_HEIGHT = PAGE_HEIGHT - 2 * MARGIN;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

// ---------------------------------------------------------------------------------------------------------------
// Corpus

/**
 * MTSamples flattens section breaks into commas ("SUBJECTIVE:,  This…", "…,MEDICATIONS: , Her…"). Put headings and
 * numbered items back on their own lines, as a typed note has them.
 */
function tidyTranscription(text: string): string {
  return text
    .replace(/:\s*,\s*/g, ': ')
    .replace(/,\s*(?=(?:[A-Z][A-Z/&() -]{2,}:|\d{1,2}\.\s))/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

interface Note {
  id: string;
  specialty: string;
  text: string;
}

function loadNotes(count: number): Note[] {
  const rows = parseCsv(readFileSync(corpusFile, 'utf8'));
  const header = rows[0];
  const col = (name: string) => header.indexOf(name);
  // Long enough to fill a page, then evenly spaced through the file (it is grouped by specialty).
  const candidates = rows
    .slice(1)
    .map((row) => ({
      id: row[0],
      specialty: (row[col('medical_specialty')] ?? '').trim(),
      text: tidyTranscription(row[col('transcription')] ?? ''),
    }))
    .filter((note) => note.text.length >= 3500);
  const step = candidates.length / Math.min(count, candidates.length);
  return Array.from(
    { length: Math.min(count, candidates.length) },
    (_, k) => candidates[Math.floor(k * step)],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering and degradation

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

async function renderGlyphs(text: string, font: string): Promise<{ png: Buffer; height: number }> {
  const { data, info } = await sharp({
    text: { text: escapeMarkup(text), font, dpi: 300, width: TEXT_WIDTH, wrap: 'word' },
  })
    .negate()
    .greyscale()
    .png()
    .toBuffer({ resolveWithObject: true });
  return { png: data, height: info.height };
}

/** Types as much of the note as fits one page; returns the page image and exactly the text on it. */
async function renderFirstPage(note: Note, font: string): Promise<{ png: Buffer; reference: string }> {
  const words = note.text.split(/(?<=\s)/); // keep each word's trailing whitespace (spaces and line breaks)
  let lo = 1;
  let hi = words.length;
  let best = 1;
  let whole = await renderGlyphs(note.text, font);
  if (whole.height > TEXT_HEIGHT) {
    // Binary search on the number of words that fit.
    for (let guess = Math.floor((words.length * TEXT_HEIGHT) / whole.height); lo <= hi;) {
      const mid = guess || Math.floor((lo + hi) / 2);
      guess = 0;
      const { height } = await renderGlyphs(words.slice(0, mid).join('').trim(), font);
      if (height <= TEXT_HEIGHT) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    whole = await renderGlyphs(words.slice(0, best).join('').trim(), font);
  } else best = words.length;
  const reference = words.slice(0, best).join('').trim();
  const meta = await sharp(whole.png).metadata();
  const png = await sharp({
    create: { width: PAGE_WIDTH, height: PAGE_HEIGHT, channels: 3, background: '#ffffff' },
  })
    .composite([{ input: whole.png, left: MARGIN, top: MARGIN, blend: 'multiply' }])
    .greyscale()
    .png()
    .toBuffer();
  if ((meta.width ?? 0) > TEXT_WIDTH + 50) throw new Error(`note ${note.id}: text wider than the page`);
  return { png, reference };
}

/** Seeded Gaussian noise (Box–Muller) with standard deviation `sigma` grey levels. */
async function addNoise(image: Buffer, sigma: number, seed: number): Promise<Buffer> {
  const { data, info } = await sharp(image)
    .greyscale()
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  let state = seed >>> 0 || 1;
  const uniform = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) + 0.5) / 4294967296;
  };
  for (let i = 0; i < data.length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const t = 2 * Math.PI * uniform();
    data[i] = Math.max(0, Math.min(255, Math.round(data[i] + sigma * r * Math.cos(t))));
    if (i + 1 < data.length)
      data[i + 1] = Math.max(0, Math.min(255, Math.round(data[i + 1] + sigma * r * Math.sin(t))));
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } })
    .png()
    .toBuffer();
}

const SKEWS = [2, -2.5, 3, -2, 2.5, -3];

type Condition = 'clean' | 'blur' | 'noise' | 'skew' | 'jpeg' | 'scan';
const CONDITIONS: Condition[] = ['clean', 'blur', 'noise', 'skew', 'jpeg', 'scan'];
const CONDITION_LABELS: Record<Condition, string> = {
  clean: 'clean, 300 dpi',
  blur: 'Gaussian blur σ 1.5 px',
  noise: 'Gaussian noise σ 40 grey levels',
  skew: 'skew ±2–3°',
  jpeg: 'JPEG quality 15',
  scan: 'all at once: skew, blur σ 1, noise σ 25, JPEG q 30',
};

async function degrade(clean: Buffer, condition: Condition, index: number): Promise<Buffer> {
  const skew = SKEWS[index % SKEWS.length];
  const white = { background: '#ffffff' };
  switch (condition) {
    case 'clean':
      return clean;
    case 'blur':
      return sharp(clean).blur(1.5).png().toBuffer();
    case 'noise':
      return addNoise(clean, 40, 1000 + index);
    case 'skew':
      return sharp(clean).rotate(skew, white).png().toBuffer();
    case 'jpeg':
      return sharp(clean).jpeg({ quality: 15 }).toBuffer();
    case 'scan': {
      const rotated = await sharp(clean)
        .rotate(skew * 0.8, white)
        .blur(1)
        .png()
        .toBuffer();
      return sharp(await addNoise(rotated, 25, 2000 + index))
        .jpeg({ quality: 30 })
        .toBuffer();
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Measurement

interface Run {
  note: string;
  condition: Condition;
  variant: string;
  cer: number;
  seconds: number;
  cpuSeconds: number;
  characters: number;
  deskew: number;
}

async function measure(
  image: Buffer,
  reference: string,
  options: OcrImageOptions,
): Promise<Omit<Run, 'note' | 'condition' | 'variant'>> {
  // Start (or swap in) the worker for this model outside the timed region.
  await withOcrWorker(async () => undefined, { model: options.model });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await ocrImage(image, options);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    cer: characterErrorRate(result.text, reference),
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    characters: reference.length,
    deskew: result.deskewDegrees,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? s.length % 2
      ? s[(s.length - 1) / 2]
      : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
    : NaN;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const sec = (x: number) => x.toFixed(2);

function machine(): string[] {
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  let nproc = String(os.cpus().length);
  try {
    nproc = execSync('nproc').toString().trim();
  } catch {
    // os.cpus() stands in
  }
  return [
    `- Machine: ${nproc} CPUs (nproc), ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`,
    `- Node ${process.version}, tesseract.js 7.0.0 (WebAssembly, SIMD build), sharp ${sharp.versions.sharp}`,
    `- Date: ${new Date().toISOString()}`,
  ];
}

async function main() {
  const noteCount = flag('notes', 12);
  const ablationCount = flag('ablation-notes', 4);
  const write = !process.argv.includes('--no-write');
  if (!existsSync(corpusFile)) throw new Error(`corpus not found: ${corpusFile}`);
  const loadBefore = os.loadavg();

  const notes = loadNotes(noteCount);
  console.log(`${notes.length} notes; rendering first pages…`);
  const pages: Array<{ note: Note; font: string; png: Buffer; reference: string }> = [];
  for (const [i, note] of notes.entries()) {
    const font = i % 2 === 0 ? 'DejaVu Sans 11' : 'DejaVu Serif 11';
    pages.push({ note, font, ...(await renderFirstPage(note, font)) });
  }
  if (process.argv.includes('--images-only')) {
    mkdirSync(imagesDir, { recursive: true });
    for (const [i, page] of pages.entries()) {
      writeFileSync(path.join(imagesDir, `note-${page.note.id}.txt`), page.reference);
      for (const condition of CONDITIONS) {
        const image = await degrade(page.png, condition, i);
        const ext = condition === 'jpeg' || condition === 'scan' ? 'jpg' : 'png';
        writeFileSync(path.join(imagesDir, `note-${page.note.id}-${condition}.${ext}`), image);
      }
    }
    console.log(`wrote ${pages.length * CONDITIONS.length} images to ${path.relative(root, imagesDir)}`);
    return;
  }

  const startCpu = process.cpuUsage();
  const startWall = performance.now();
  await withOcrWorker(async () => undefined);
  const startup = { wall: (performance.now() - startWall) / 1000, cpu: process.cpuUsage(startCpu) };

  const runs: Run[] = [];
  const record = (run: Run) => {
    runs.push(run);
    console.log(
      `${run.note.padEnd(4)} ${run.condition.padEnd(6)} ${run.variant.padEnd(13)} CER ${pct(run.cer).padStart(8)}` +
        `  ${sec(run.seconds)} s (cpu ${sec(run.cpuSeconds)} s)  deskew ${run.deskew}°`,
    );
  };

  for (const [i, page] of pages.entries()) {
    for (const condition of CONDITIONS) {
      const image = await degrade(page.png, condition, i);
      record({
        note: page.note.id,
        condition,
        variant: 'default',
        ...(await measure(image, page.reference, {})),
      });
    }
  }

  const variants: Array<{ name: string; conditions: Condition[]; options: OcrImageOptions }> = [
    { name: 'no preprocess', conditions: CONDITIONS, options: { preprocess: false } },
    { name: '+ median 3×3', conditions: CONDITIONS, options: { preprocess: { denoise: true } } },
    { name: '+ Otsu', conditions: CONDITIONS, options: { preprocess: { threshold: true } } },
    { name: 'no deskew', conditions: ['skew', 'scan'], options: { preprocess: { deskew: false } } },
    { name: 'model 4.0.0', conditions: ['clean', 'scan'], options: { model: '4.0.0' } },
  ];
  for (const [i, page] of pages.slice(0, ablationCount).entries()) {
    for (const variant of variants) {
      for (const condition of variant.conditions) {
        const image = await degrade(page.png, condition, i);
        record({
          note: page.note.id,
          condition,
          variant: variant.name,
          ...(await measure(image, page.reference, variant.options)),
        });
      }
    }
  }
  await shutdownOcr();
  const loadAfter = os.loadavg();

  // ---- report
  const main = runs.filter((r) => r.variant === 'default');
  const byCondition = (condition: Condition, rs = main) => rs.filter((r) => r.condition === condition);
  const clean = byCondition('clean');
  const cleanCer = mean(clean.map((r) => r.cer));
  const medianSeconds = median(main.map((r) => r.seconds));
  const medianCpu = median(main.map((r) => r.cpuSeconds));
  const charsPerPage = median(pages.map((p) => p.reference.length));

  const lines: string[] = [
    START,
    '## OCR accuracy and speed (generated by `node --import tsx bench/ocr.bench.ts`)',
    '',
    ...machine(),
    `- Load average (1 min) before / after: ${loadBefore[0].toFixed(1)} / ${loadAfter[0].toFixed(1)} — the machine is shared, so wall-clock times include waiting for a core; CPU seconds do not.`,
    `- Pages: the first page of ${pages.length} MTSamples notes (${pages.map((p) => `#${p.note.id} ${p.note.specialty}`).join(', ')}), typed in DejaVu Sans / Serif 11 pt (alternating) at 300 dpi on US Letter, median ${charsPerPage} characters per page. Model \`eng\` 4.0.0_best_int (LSTM), one worker, default preprocessing (greyscale, contrast stretch, projection-profile deskew).`,
    `- OCR engine start-up (once per process): ${sec(startup.wall)} s wall, ${sec((startup.cpu.user + startup.cpu.system) / 1e6)} s CPU.`,
    '',
    '| condition | pages | mean CER | median CER | worst CER | median s/page (wall) | median s/page (CPU) |',
    '|---|---|---|---|---|---|---|',
    ...CONDITIONS.map((c) => {
      const rs = byCondition(c);
      const cers = rs.map((r) => r.cer);
      return `| ${CONDITION_LABELS[c]} | ${rs.length} | ${pct(mean(cers))} | ${pct(median(cers))} | ${pct(Math.max(...cers))} | ${sec(median(rs.map((r) => r.seconds)))} | ${sec(median(rs.map((r) => r.cpuSeconds)))} |`;
    }),
    '',
    `Targets: CER ≤ ${TARGET_CER_CLEAN * 100} % on clean renders — **${cleanCer <= TARGET_CER_CLEAN ? 'met' : 'missed'}** (${pct(cleanCer)}); ≤ ${TARGET_SECONDS_PER_PAGE} s per page — **${medianSeconds <= TARGET_SECONDS_PER_PAGE ? 'met' : 'missed'}** (median ${sec(medianSeconds)} s wall, ${sec(medianCpu)} s CPU over all ${main.length} pages; ${sec((medianCpu / charsPerPage) * 1000)} CPU s per 1,000 characters).`,
    '',
    `### Ablation (first ${Math.min(ablationCount, pages.length)} notes): mean CER and median wall s/page per variant`,
    '',
    `| variant | ${CONDITIONS.join(' | ')} |`,
    `|---|${CONDITIONS.map(() => '---').join('|')}|`,
    ...['default', ...variants.map((v) => v.name)].map((variant) => {
      const cells = CONDITIONS.map((c) => {
        const rs = runs.filter(
          (r) =>
            r.variant === variant &&
            r.condition === c &&
            pages.slice(0, ablationCount).some((p) => p.note.id === r.note),
        );
        return rs.length
          ? `${pct(mean(rs.map((r) => r.cer)))} · ${sec(median(rs.map((r) => r.seconds)))} s`
          : '–';
      });
      return `| ${variant} | ${cells.join(' | ')} |`;
    }),
    END,
  ];
  const section = lines.join('\n');
  console.log(`\n${section}`);
  if (write) {
    const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# OCR benchmark\n\n';
    const next = previous.includes(START)
      ? previous.slice(0, previous.indexOf(START)) +
        section +
        previous.slice(previous.indexOf(END) + END.length)
      : `${previous.trimEnd()}\n\n${section}\n`;
    writeFileSync(resultsFile, next);
    console.log(`\nwrote ${path.relative(root, resultsFile)}`);
  }
}

await main();
