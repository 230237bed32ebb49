import { useState } from 'react';
import type { FieldErrors } from '../app/fieldErrors.ts';

type KeysOf<D, V> = { [K in keyof D]-?: D[K] extends V ? K : never }[keyof D];

/**
 * The values of a form as one object: `set(key, value)` changes one field, `reset` starts afresh
 * (after creating something, so the next one starts empty), and `bind(errors)` gives the props that
 * tie a field component to one key of the draft and to the message the form holds for that key:
 * `<TextField label={...} {...field.text('name')} />`.
 */
export function useDraft<D extends object>(initial: () => D) {
  const [draft, setDraft] = useState<D>(initial);
  const set = <K extends keyof D>(key: K, value: D[K]) => setDraft((prev) => ({ ...prev, [key]: value }));
  const bind = (errors: FieldErrors = {}) => {
    const errorMessage = (key: keyof D) => errors[String(key)];
    return {
      /** A `TextField` or `TextAreaField`. */
      text: <K extends KeysOf<D, string>>(key: K) => ({
        value: draft[key] as string,
        onChange: (value: string) => set(key, value as D[K]),
        errorMessage: errorMessage(key),
      }),
      /** A `SelectField` over a code list (the key's type narrows the options' ids). */
      select: <K extends KeysOf<D, string | null>>(key: K) => ({
        selectedKey: draft[key] as Extract<D[K], string> | null,
        onSelectionChange: (value: Extract<D[K], string> | null) => set(key, value as D[K]),
        errorMessage: errorMessage(key),
      }),
      /** A `CheckboxGroupField`. */
      checks: <K extends KeysOf<D, string[]>>(key: K) => ({
        value: draft[key] as string[],
        onChange: (value: string[]) => set(key, value as D[K]),
        errorMessage: errorMessage(key),
      }),
      /** A single `CheckboxItem`. */
      check: <K extends KeysOf<D, boolean>>(key: K) => ({
        isSelected: draft[key] as boolean,
        onChange: (value: boolean) => set(key, value as D[K]),
      }),
    };
  };
  return { draft, set, setDraft, bind, reset: () => setDraft(initial()) };
}

/** What `bind(errors).text(key)` gives a text field; for field groups shared by several forms. */
export interface TextBinding {
  value: string;
  onChange: (value: string) => void;
  errorMessage: string | undefined;
}
