import type { ReactNode } from 'react';
import { Label, Text } from 'react-aria-components';

/**
 * A react-aria field's label and optional description. Inside a react-aria field the two are linked
 * to the input (label and aria-describedby) through their slots.
 */
export function FieldHead({ label, description }: { label: ReactNode; description?: ReactNode }) {
  return (
    <>
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
    </>
  );
}
