import { useTranslation } from 'react-i18next';
import { staffRoles } from '../../app/domain.ts';
import { CheckboxGroupField, type CheckboxGroupFieldProps } from '../../ui/CheckboxGroupField.tsx';

/** A choice among the staff roles, each named by its text (the users' roles, the roles that need 2FA). */
export function StaffRolesField(props: Omit<CheckboxGroupFieldProps, 'options'>) {
  const { t } = useTranslation();
  return (
    <CheckboxGroupField
      {...props}
      options={staffRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    />
  );
}
