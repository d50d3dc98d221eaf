import type { HttpError } from 'react-admin';

/** Every problem the server named (`errors.file`, `errors["file.1"]`, `errors.pin`, …), or its message. */
export const problemsOf = (error: HttpError): string[] => {
  const errors: Record<string, string> = error.body?.errors ?? {};
  const named = Object.values(errors);
  return named.length ? named : [error.message];
};
