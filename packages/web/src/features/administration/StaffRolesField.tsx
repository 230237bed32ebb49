import { useTranslation } from 'react-i18next';
import { staffRoles } from '../../app/domain.ts';
import { CheckboxGroupField, type CheckboxGroupFieldProps } from '../../ui/CheckboxGroupField.tsx';

/** Check boxes for the staff roles, each named in the reader's language. */
export function StaffRolesField(props: Omit<CheckboxGroupFieldProps, 'options'>) {
  const { t } = useTranslation();
  return (
    <CheckboxGroupField
      options={staffRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      {...props}
    />
  );
}
