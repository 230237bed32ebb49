import { useId, useState } from 'react';

/**
 * A multi-line text field with the label pattern of the staff app's TextAreaField, as a native
 * <textarea>, for the public pages' small entry (no react-aria there).
 */
export function PlainTextAreaField({
  label,
  value,
  onChange,
  maxLength,
  rows = 4,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  rows?: number;
}) {
  const id = useId();
  // react-aria marks a focused or mouse-hovered input with data attributes; components.css styles them.
  const [focused, setFocused] = useState(false);
  const [hovered, setHovered] = useState(false);
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="field__input"
        rows={rows}
        maxLength={maxLength}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-focused={focused || undefined}
        data-hovered={hovered || undefined}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onPointerEnter={(event) => setHovered(event.pointerType === 'mouse')}
        onPointerLeave={() => setHovered(false)}
      />
    </div>
  );
}
