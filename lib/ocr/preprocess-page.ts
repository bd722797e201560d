/**
 * Prepares one page image for tesseract with sharp: EXIF orientation, alpha flattened onto white, greyscale,
 * light-on-dark inverted, contrast stretched, optionally a median filter against speckle, straightened when the
 * projection-profile skew estimate is confident, optionally binarised with Otsu's threshold.
 *
 * Word boxes come back in the prepared image's pixels; `toSourceBox` maps them onto the oriented input so they
 * can be drawn over the original. bench/ocr.bench.ts measures which steps help (bench/results/ocr.md).
 */
import sharp from 'sharp';
import { estimateSkew, otsuThreshold } from './estimate-skew.ts';
import type { Box } from './ocr-types.ts';

export interface PreprocessOptions {
  /** Stretch the grey levels so paper is white and ink black. Default true. */
  normalise?: boolean;
  /** 3×3 median filter; removes salt-and-pepper speckle, softens thin strokes. Default false. */
  denoise?: boolean;
  /** Estimate skew (±5°) and rotate the page straight. Default true. */
  deskew?: boolean;
  /** Binarise with Otsu's threshold after the other steps. Default false (tesseract binarises itself). */
  threshold?: boolean;
  /** Page of a multi-page TIFF (0-based). */
  pageIndex?: number;
  /** Refuse to decode images with more pixels than this (checked from the header). */
  maxPixels?: number;
}

export interface PreparedPage {
  /** Greyscale PNG for the OCR engine. */
  png: Buffer;
  /** Size of the oriented input image: the coordinate space of `toSourceBox`. */
  width: number;
  height: number;
  /** Clockwise rotation applied, in degrees; 0 when the page was left as it was. */
  deskewDegrees: number;
  /** The page has no contrast at all (blank paper, a flat colour): nothing to read. */
  blank: boolean;
  /** Resolution from the image header, when it states one. */
  dpi?: number;
  /** Maps a box in `png` pixels onto the oriented input image. */
  toSourceBox(box: Box): Box;
}

/** Minimum |skew| worth a rotation (a rotation resamples the whole page) and the profile gain that trusts it. */
const MIN_DESKEW_DEGREES = 0.3;
const MIN_DESKEW_GAIN = 1.05;
const SKEW_SAMPLE_WIDTH = 1000;
/** Below this spread between paper and the darkest (or lightest) pixels the page is considered blank. */
const BLANK_CONTRAST = 24;

function percentile(histogram: Float64Array, total: number, fraction: number): number {
  const target = total * fraction;
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += histogram[level];
    if (seen > target) return level;
  }
  return 255;
}

/** Rotates point (x, y) about (cx, cy) by `degrees` clockwise in image coordinates (y down). */
function rotatePoint(x: number, y: number, cx: number, cy: number, degrees: number): [number, number] {
  const r = (degrees * Math.PI) / 180;
  const dx = x - cx;
  const dy = y - cy;
  return [cx + dx * Math.cos(r) - dy * Math.sin(r), cy + dx * Math.sin(r) + dy * Math.cos(r)];
}

/**
 * Maps a box drawn on an image that sharp rotated by `degrees` (canvas grown to fit, centred) back onto the
 * unrotated `width`×`height` image: the corners are rotated back and their bounding box taken, clamped to the image.
 */
export function unrotateBox(
  box: Box,
  degrees: number,
  width: number,
  height: number,
  rotatedWidth: number,
  rotatedHeight: number,
): Box {
  if (degrees === 0) return box;
  const corners = [
    [box.x, box.y],
    [box.x + box.width, box.y],
    [box.x, box.y + box.height],
    [box.x + box.width, box.y + box.height],
  ].map(([x, y]) => {
    const [ux, uy] = rotatePoint(x, y, rotatedWidth / 2, rotatedHeight / 2, -degrees);
    return [ux - (rotatedWidth - width) / 2, uy - (rotatedHeight - height) / 2];
  });
  const clampX = (v: number) => Math.min(width, Math.max(0, v));
  const clampY = (v: number) => Math.min(height, Math.max(0, v));
  const x0 = clampX(Math.min(...corners.map((c) => c[0])));
  const x1 = clampX(Math.max(...corners.map((c) => c[0])));
  const y0 = clampY(Math.min(...corners.map((c) => c[1])));
  const y1 = clampY(Math.max(...corners.map((c) => c[1])));
  return { x: Math.round(x0), y: Math.round(y0), width: Math.round(x1 - x0), height: Math.round(y1 - y0) };
}

export async function preprocessPage(image: Buffer, options: PreprocessOptions = {}): Promise<PreparedPage> {
  const { normalise = true, denoise = false, deskew = true, threshold = false } = options;
  const input = sharp(image, {
    page: options.pageIndex ?? 0,
    limitInputPixels: options.maxPixels ?? 0x3fff * 0x3fff,
    failOn: 'error',
  });
  const meta = await input.metadata();
  const { data, info } = await input
    .rotate()
    .flatten({ background: '#ffffff' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  let pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (info.channels !== 1) {
    // greyscale() can leave three identical channels when the input had a colour profile; keep one.
    const one = new Uint8Array(width * height);
    for (let i = 0; i < one.length; i++) one[i] = pixels[i * info.channels];
    pixels = one;
  }

  const histogram = new Float64Array(256);
  for (let i = 0; i < pixels.length; i++) histogram[pixels[i]]++;
  const median = percentile(histogram, pixels.length, 0.5);
  const darkest = percentile(histogram, pixels.length, 0.001);
  const lightest = percentile(histogram, pixels.length, 0.999);
  const identity = (box: Box) => box;
  const dpi = meta.density && meta.density >= 50 && meta.density <= 2400 ? meta.density : undefined;
  if (Math.max(median - darkest, lightest - median) < BLANK_CONTRAST) {
    const png = await sharp(pixels, { raw: { width, height, channels: 1 } })
      .toColourspace('b-w')
      .png()
      .toBuffer();
    return { png, width, height, deskewDegrees: 0, blank: true, dpi, toSourceBox: identity };
  }

  // Light text on a dark ground: invert so ink is dark, as the skew estimate and tesseract expect.
  const inverted = median < 128;
  let lo = inverted ? 255 - lightest : darkest;
  let hi = inverted
    ? 255 - percentile(histogram, pixels.length, 0.05)
    : percentile(histogram, pixels.length, 0.95);
  if (!normalise) [lo, hi] = [0, 255];
  if (inverted || normalise) {
    const lut = new Uint8Array(256);
    for (let v = 0; v < 256; v++) {
      const src = inverted ? 255 - v : v;
      lut[v] = hi > lo ? Math.round(Math.min(255, Math.max(0, ((src - lo) * 255) / (hi - lo)))) : src;
    }
    for (let i = 0; i < pixels.length; i++) pixels[i] = lut[pixels[i]];
  }

  let page = sharp(pixels, { raw: { width, height, channels: 1 } });
  if (denoise) {
    const { data: clean } = await page
      .median(3)
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    pixels = new Uint8Array(clean.buffer, clean.byteOffset, clean.byteLength);
    page = sharp(pixels, { raw: { width, height, channels: 1 } });
  }

  let deskewDegrees = 0;
  if (deskew) {
    const scale = Math.min(1, SKEW_SAMPLE_WIDTH / width);
    const sampleWidth = Math.max(1, Math.round(width * scale));
    const sampleHeight = Math.max(1, Math.round(height * scale));
    const sample =
      scale === 1
        ? pixels
        : await sharp(pixels, { raw: { width, height, channels: 1 } })
            .resize(sampleWidth, sampleHeight, { kernel: 'linear' })
            .toColourspace('b-w')
            .raw()
            .toBuffer();
    const skew = estimateSkew(new Uint8Array(sample), sampleWidth, sampleHeight);
    if (Math.abs(skew.degrees) >= MIN_DESKEW_DEGREES && skew.gain >= MIN_DESKEW_GAIN) {
      deskewDegrees = skew.degrees;
      page = page.rotate(deskewDegrees, { background: { r: 255, g: 255, b: 255 } });
    }
  }

  if (threshold) {
    // Threshold after rotation so interpolated edges are decided too. Otsu on the stretched page.
    const { data: grey, info: greyInfo } = await page
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const level = otsuThreshold(new Uint8Array(grey.buffer, grey.byteOffset, grey.byteLength));
    page = sharp(grey, { raw: { width: greyInfo.width, height: greyInfo.height, channels: 1 } }).threshold(
      level + 1,
    );
  }

  const { data: png, info: out } = await page
    .toColourspace('b-w')
    .png({ compressionLevel: 1 })
    .toBuffer({ resolveWithObject: true });
  const toSourceBox =
    deskewDegrees === 0
      ? identity
      : (box: Box) => unrotateBox(box, deskewDegrees, width, height, out.width, out.height);
  return { png, width, height, deskewDegrees, blank: false, dpi, toSourceBox };
}
