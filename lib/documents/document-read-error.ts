/**
 * The typed failure of reading an uploaded document. `code` says what went wrong in a way callers can branch on
 * (the HTTP layer maps UNSUPPORTED_TYPE to 415, the rest to 422 or 413); `message` says it to a person and never
 * contains document content.
 */
export type DocumentReadErrorCode =
  | 'EMPTY_FILE'
  | 'NOT_TEXT'
  | 'UNSUPPORTED_TYPE'
  | 'CORRUPT_PDF'
  | 'ENCRYPTED_PDF'
  | 'CORRUPT_IMAGE'
  | 'IMAGE_TOO_LARGE'
  | 'IMAGE_EMPTY'
  | 'TEXT_TOO_LARGE'
  | 'TOO_MANY_PAGES'
  | 'OCR_FAILED';

export class DocumentReadError extends Error {
  readonly code: DocumentReadErrorCode;

  constructor(code: DocumentReadErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DocumentReadError';
    this.code = code;
  }
}

export function isDocumentReadError(error: unknown): error is DocumentReadError {
  return error instanceof DocumentReadError;
}
