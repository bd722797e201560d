/**
 * Sends one file to POST /api/documents with XMLHttpRequest, which (unlike fetch) reports upload progress. The
 * route answers per file: 202 queued, 200 already there, 400/404/413/415 refused with a reason.
 */

export interface UploadFileResult {
  filename: string;
  status: number;
  documentId?: string;
  jobId?: string | null;
  duplicate?: boolean;
  error?: string;
}

export interface UploadOptions {
  patientId: string;
  file: File;
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}

function refusal(status: number, body: { error?: string } | null): string {
  if (status === 401) return 'Your session has ended. Sign in again.';
  if (status === 403) return 'Your role may not upload documents.';
  if (status === 413) return body?.error ?? 'The file is too large.';
  return body?.error ?? `The server answered ${status}.`;
}

/** Resolves with the file's result (refusals included); rejects only when the server could not be reached. */
export function uploadFile({
  patientId,
  file,
  onProgress,
  signal,
}: UploadOptions): Promise<UploadFileResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append('patientId', patientId);
    form.append('file', file, file.name);
    xhr.open('POST', '/api/documents');
    xhr.responseType = 'json';
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { results?: UploadFileResult[]; error?: string } | null;
      const result = body?.results?.[0];
      if (result) resolve(result);
      else resolve({ filename: file.name, status: xhr.status, error: refusal(xhr.status, body) });
    };
    xhr.onerror = () => reject(new Error('Could not reach the server. Check your connection and try again.'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** Plain words for a refused file, by the route's status. */
export function uploadErrorText(result: UploadFileResult): string {
  const reason = result.error ?? `the server answered ${result.status}`;
  switch (result.status) {
    case 415:
      return `Unsupported file type: ${reason}. Upload plain text, PDF, PNG, JPEG or TIFF.`;
    case 413:
      return `Too large: ${reason}.`;
    default:
      return reason;
  }
}
