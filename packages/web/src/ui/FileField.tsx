import { useId } from 'react';

/**
 * A labelled file picker with its help text (linked by aria-describedby) and an error below it; it
 * reports the chosen file, or undefined when the choice is cleared.
 */
export function FileField({
  label,
  description,
  accept,
  onChange,
  errorMessage,
}: {
  label: string;
  description: string;
  /** The file types offered, as the input's `accept` (".csv,.xlsx"). */
  accept: string;
  onChange: (file: File | undefined) => void;
  errorMessage?: string | undefined;
}) {
  const inputId = useId();
  const helpId = useId();
  return (
    <div className="field file-input">
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <span id={helpId} className="field__description">
        {description}
      </span>
      <input
        id={inputId}
        type="file"
        accept={accept}
        aria-describedby={helpId}
        aria-invalid={errorMessage ? true : undefined}
        onChange={(event) => onChange(event.target.files?.[0])}
      />
      {errorMessage ? <span className="field__error">{errorMessage}</span> : null}
    </div>
  );
}
