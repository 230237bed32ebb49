import { isApiError } from './api.ts';

/** Messages per form field; a field without a message is valid. */
export type FieldErrors<K extends string = string> = Partial<Record<K, string>>;

/** The field an issue path names, for forms whose field names are the last segment ("body.date"). */
export function lastSegment(path: string): string {
  return path.split(/[./]/).filter(Boolean).pop() ?? path;
}

/** The field an issue path names, for forms that show a list's issues at the list ("dimensions.0"). */
export function firstSegment(path: string): string {
  return path.split(/[./]/).filter(Boolean)[0] ?? '';
}

/**
 * The field messages of a failed request (`{"error":{"issues":[{path,message}]}}`), keyed by the form's
 * field names; the first message per field wins. `fieldOf` names the field for a path.
 */
export function fieldErrorsOf(error: unknown, fieldOf: (path: string) => string = lastSegment): FieldErrors {
  const errors: Record<string, string> = {};
  if (!isApiError(error)) return errors;
  for (const issue of error.issues) errors[fieldOf(issue.path)] ??= issue.message;
  return errors;
}
