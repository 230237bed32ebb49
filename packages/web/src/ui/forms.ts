/** Put keyboard focus on the first field of the form marked invalid (after its errors rendered). */
export function focusInvalidField(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('input[aria-invalid="true"], [aria-invalid="true"] input')?.focus();
}

/** After a failed submit, put keyboard focus on the first field marked invalid. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  // Wait for React to render the error state before looking for it.
  requestAnimationFrame(() => focusInvalidField(form));
}

export type { FieldErrors } from '../app/fieldErrors.ts';

export function hasErrors(errors: Record<string, string | undefined>): boolean {
  return Object.values(errors).some(Boolean);
}
