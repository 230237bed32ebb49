import type { ComponentProps, ReactNode } from 'react';
import type { FieldErrors } from '../app/fieldErrors.ts';
import { FormDialog } from './FormDialog.tsx';
import type { useDraft } from './useDraft.ts';

type Draft<D extends object> = ReturnType<typeof useDraft<D>>;
type FieldBinding<D extends object> = ReturnType<Draft<D>['bind']>;

/**
 * A `FormDialog` that is open for as long as it is rendered (the caller shows it while its state says
 * so, and `onClose` clears that state) and whose fields are bound to a `useDraft` form: `children`
 * gets the field props with the form's messages, and the messages themselves for fields bound by hand.
 */
export function DraftDialog<D extends object>({
  form,
  onClose,
  children,
  ...dialog
}: {
  form: Draft<D>;
  onClose: () => void;
  children: (field: FieldBinding<D>, errors: FieldErrors) => ReactNode;
} & Omit<ComponentProps<typeof FormDialog>, 'isOpen' | 'onOpenChange' | 'children'>) {
  return (
    <FormDialog {...dialog} isOpen onOpenChange={(open) => (open ? undefined : onClose())}>
      {(errors) => children(form.bind(errors), errors)}
    </FormDialog>
  );
}
