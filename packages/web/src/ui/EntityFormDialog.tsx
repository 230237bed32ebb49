import type { ReactNode } from 'react';
import { type FieldErrors, firstSegment } from '../app/fieldErrors.ts';
import { FormDialog } from './FormDialog.tsx';
import { useDraft } from './useDraft.ts';

type Draft<D extends object> = ReturnType<typeof useDraft<D>>;

/** What the fields of an entity form get: the draft, its setters and each field's bound props. */
export interface EntityForm<D extends object> {
  draft: D;
  set: Draft<D>['set'];
  setDraft: Draft<D>['setDraft'];
  /** `<TextField label={...} {...field.text('name')} />`: value, change and message of one key. */
  field: ReturnType<Draft<D>['bind']>;
  errors: FieldErrors;
}

/**
 * The dialog that creates one thing or changes an existing one (`entity`): its values live in one
 * draft filled by `draftOf`, the form's own checks run on the draft, then `create` or `update` sends
 * it; the server's messages appear at the fields. After a creation the draft starts empty again, so
 * the next one does not inherit the last one's values.
 */
export function EntityFormDialog<E, D extends object, S>({
  entity,
  draftOf,
  validate,
  create,
  update,
  onSaved,
  title,
  submitLabel,
  isOpen = true,
  onOpenChange,
  fieldOf = firstSegment,
  children,
}: {
  /** The thing to change; without it a new one is created. */
  entity?: E | undefined;
  draftOf: (entity: E | undefined) => D;
  /** The form's own checks: a message per invalid field keeps the request from being sent. */
  validate?: (draft: D) => FieldErrors;
  /** Sends a new one; a form that only changes (`entity` always given) has none. */
  create?: (draft: D) => Promise<S>;
  update: (entity: E, draft: D) => Promise<S>;
  onSaved: (saved: S) => void;
  title: string;
  submitLabel: string;
  isOpen?: boolean;
  onOpenChange: (open: boolean) => void;
  /** The form field an issue path of the server names (default: its first segment). */
  fieldOf?: (path: string) => string;
  children: (form: EntityForm<D>) => ReactNode;
}) {
  const { draft, set, setDraft, bind, reset } = useDraft(() => draftOf(entity));

  const save = async () => {
    if (entity !== undefined) return onSaved(await update(entity, draft));
    if (!create) throw new Error('EntityFormDialog: nothing to change and no way to create');
    onSaved(await create(draft));
    reset();
  };

  return (
    <FormDialog
      title={title}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      submitLabel={submitLabel}
      onSubmit={save}
      {...(validate ? { validate: () => validate(draft) } : {})}
      fieldOf={fieldOf}
    >
      {(errors) => children({ draft, set, setDraft, field: bind(errors), errors })}
    </FormDialog>
  );
}
