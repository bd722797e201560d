/**
 * The workspace's writes: change one variable, add a record, remove one, each with its reason. Each resolves to
 * the record as the API saved it, or throws a ResultError carrying the API's field errors.
 */
import { gql, ResultError, errorText, unwrapResult, type UnionResult } from './graphql-client';
import { CREATE_RECORD, DELETE_RECORD, UPDATE_RECORD, type SdtmRow, type SdtmValue } from './sdtm-api';

export async function updateRecordVariable(
  id: string,
  variable: string,
  value: SdtmValue,
  reason: string,
): Promise<SdtmRow> {
  const data = await gql<{ updateSdtmRecord: UnionResult<SdtmRow> }>(UPDATE_RECORD, {
    id,
    variables: { [variable]: value },
    reason,
  });
  return unwrapResult(data.updateSdtmRecord);
}

export async function createRecord(o: {
  studyId: string;
  subjectId: string;
  domain: string;
  variables: Record<string, SdtmValue>;
  reason: string;
}): Promise<SdtmRow> {
  const data = await gql<{ createSdtmRecord: UnionResult<SdtmRow> }>(CREATE_RECORD, o);
  return unwrapResult(data.createSdtmRecord);
}

export async function deleteRecord(id: string, reason: string): Promise<void> {
  const data = await gql<{ deleteSdtmRecord: UnionResult<{ id: string }> }>(DELETE_RECORD, { id, reason });
  unwrapResult(data.deleteSdtmRecord);
}

/** An edit's failure as messages for the cell at `path` (DOMAIN.VAR): its own messages bare, others with their path. */
export function messagesForCell(error: unknown, path: string): string[] {
  if (!(error instanceof ResultError)) return [errorText(error)];
  if (!error.fieldErrors.length) return [error.message];
  return error.fieldErrors.map((f) =>
    f.path.join('.') === path ? f.message : `${f.path.join('.')}: ${f.message}`,
  );
}
