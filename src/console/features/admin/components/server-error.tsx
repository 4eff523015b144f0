import { ApiError } from '../../../api/http';
import { ErrorAlert } from '../../../components/error-alert';

/** The server's refusal as it said it (its message names the field, e.g. "grant 2: …"), with the code. */
export function ServerError({ title, error, codeLabel }: { title: string; error: Error; codeLabel: (code: string) => string }) {
  return <ErrorAlert title={title} details={[error.message, ...(error instanceof ApiError ? [codeLabel(error.code)] : [])]} />;
}
