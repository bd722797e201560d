/**
 * One page of a stored document as a PNG, for the reviewer to see the evidence: an image page oriented as OCR saw
 * it (EXIF rotation applied, so OCR word boxes line up), or a PDF page rendered with pdf.js. Plain text has no
 * page images.
 */
import sharp from 'sharp';
import { openPdf, renderPage, renderScale } from './read-pdf.ts';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits.ts';

/** PDF pages are shown at 150 dpi: sharp enough to read a scan, small enough to send. */
const VIEW_DPI = 150;

export async function renderPageImage(
  bytes: Uint8Array,
  mimeType: string,
  page: number,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<Buffer | null> {
  if (!Number.isInteger(page) || page < 1) return null;
  if (mimeType.startsWith('image/')) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const meta = await sharp(buffer, { limitInputPixels: limits.maxPixels }).metadata();
    if (page > (meta.pages ?? 1)) return null;
    return sharp(buffer, { page: page - 1, limitInputPixels: limits.maxPixels })
      .rotate()
      .png({ compressionLevel: 6 })
      .toBuffer();
  }
  if (mimeType === 'application/pdf') {
    const doc = await openPdf(bytes);
    try {
      if (page > doc.numPages) return null;
      const pdfPage = await doc.getPage(page);
      try {
        const viewport = pdfPage.getViewport({ scale: 1 });
        const scale = renderScale(viewport.width, viewport.height, { ...limits, renderDpi: VIEW_DPI });
        return await renderPage(pdfPage, scale);
      } finally {
        pdfPage.cleanup();
      }
    } finally {
      await doc.destroy().catch(() => undefined);
    }
  }
  return null;
}
