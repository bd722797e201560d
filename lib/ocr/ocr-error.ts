/**
 * The one error the OCR layer throws. `IMAGE_DECODE_FAILED`: the image bytes could not be decoded (corrupt or
 * truncated); `OCR_FAILED`: the engine could not start or recognition failed. Callers map these to their own codes.
 */
export type OcrErrorCode = 'IMAGE_DECODE_FAILED' | 'OCR_FAILED';

export class OcrError extends Error {
  readonly code: OcrErrorCode;

  constructor(code: OcrErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OcrError';
    this.code = code;
  }
}
