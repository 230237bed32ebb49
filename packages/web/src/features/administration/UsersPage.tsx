import type { ResetApprovalPending, Role, UserView } from '@lotse/domain';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { formatDateTime } from '../../app/dates.ts';
import { adminRoleConflict } from '../../app/domain.ts';
import { errorText } from '../../app/errors.ts';
import { lastSegment } from '../../app/fieldErrors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { textColumns } from '../../ui/columns.ts';
import { ModalDialog } from '../../ui/Dialog.tsx';
import { type FieldErrors, focusFirstInvalid, hasErrors } from '../../ui/forms.ts';
import { Loading, Page } from '../../ui/Page.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { ShownDialog } from '../../ui/ShownDialog.tsx';
import { StatusAlert, useStatus } from '../../ui/StatusAlert.tsx';
import { SubmitForm } from '../../ui/SubmitForm.tsx';
import { TableRegion } from '../../ui/TableRegion.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDraft } from '../../ui/useDraft.ts';
import { useFormSubmit } from '../../ui/useFormSubmit.ts';
import { OneTimeLink, type OneTimeLinkData } from './OneTimeLink.tsx';
import { StaffRolesField } from './StaffRolesField.tsx';

const PAGE_SIZE = 50;

/** Users of the own agency (admins): list, invite, edit, lock, reset password or 2FA. */
export function UsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('seite')) || 1);
  const users = useEndpoint(api.users.list, { query: { page, pageSize: PAGE_SIZE } });
  const [inviteOpen, setInviteOpen] = useState(false);
  const [editing, setEditing] = useState<UserView>();

  return (
    <Page
      title={t('users.title')}
      intro={<p>{t('users.intro')}</p>}
      actions={<Button onPress={() => setInviteOpen(true)}>{t('users.invite')}</Button>}
    >
      {users.error ? <Alert tone="error">{errorText(t, users.error)}</Alert> : null}
      {users.loading && !users.data ? <Loading label={t('common.loading')} /> : null}
      {users.data ? (
        <>
          <TableRegion
            caption={
              <>
                {t('users.caption', { count: users.data.total })}
                {users.loading ? <span className="visually-hidden"> {t('common.loading')}</span> : null}
              </>
            }
            columns={[
              ...textColumns(t, 'users', ['name', 'email', 'roles', 'status', 'mfa', 'lastLogin']),
              { label: t('users.actions'), hidden: true },
            ]}
          >
            {users.data.items.map((user) => (
              <tr key={user.id}>
                <th scope="row">{user.displayName}</th>
                <td className="cell--nowrap">{user.email}</td>
                <td>{user.roles.map((role) => t(`roles.${role}`)).join(', ')}</td>
                <td>
                  <span className={`badge badge--${statusTone(user.status)}`}>
                    {t(`userStatus.${user.status}`)}
                  </span>
                </td>
                <td>{user.mfaEnabled ? t('users.mfaOn') : t('users.mfaOff')}</td>
                <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.never')}</td>
                <td>
                  <Button
                    variant="secondary"
                    size="sm"
                    onPress={() => setEditing(user)}
                    aria-label={t('users.editUser', { name: user.displayName })}
                  >
                    {t('common.edit')}
                  </Button>
                </td>
              </tr>
            ))}
          </TableRegion>
          <Pagination
            page={users.data.page}
            pageSize={users.data.pageSize}
            total={users.data.total}
            onChange={(next) => setParams(next > 1 ? { seite: String(next) } : {})}
          />
        </>
      ) : null}
      <InviteDialog isOpen={inviteOpen} onOpenChange={setInviteOpen} onInvited={users.reload} />
      {editing ? (
        <EditUserDialog
          key={editing.id}
          user={editing}
          onClose={() => setEditing(undefined)}
          onChanged={(updated) => {
            if (updated) setEditing(updated);
            users.reload();
          }}
        />
      ) : null}
    </Page>
  );
}

function statusTone(status: UserView['status']): 'success' | 'neutral' | 'danger' {
  if (status === 'active') return 'success';
  if (status === 'disabled') return 'danger';
  return 'neutral';
}

type InviteField = 'email' | 'displayName' | 'roles';

function InviteDialog({
  isOpen,
  onOpenChange,
  onInvited,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onInvited: () => void;
}) {
  const { t } = useTranslation();
  const draft = useDraft(() => ({ email: '', displayName: '', roles: ['caseworker'] }));
  const { email, displayName, roles } = draft.draft;
  const [result, setResult] = useState<{ user: UserView; link: OneTimeLinkData }>();
  const {
    form,
    pending,
    errors,
    submit,
    reset: resetSubmit,
  } = useFormSubmit({
    explain: (error) => {
      const errors = serverFieldErrors(t, error);
      return errors ? { errors } : { failure: errorText(t, error) };
    },
  });

  const reset = () => {
    draft.reset();
    resetSubmit();
    setResult(undefined);
  };

  const close = (open: boolean) => {
    if (open) return;
    onOpenChange(false);
    reset();
  };

  const field = draft.bind(errors);

  const invite = () =>
    submit(
      async () => {
        const created = await api.users.create({
          body: { email: email.trim(), displayName: displayName.trim(), roles: roles as Role[] },
        });
        setResult(created);
        onInvited();
      },
      {
        email: /^\S+@\S+\.\S+$/.test(email.trim()) ? undefined : t('users.emailInvalid'),
        displayName: displayName.trim() ? undefined : t('users.displayNameRequired'),
        roles: roleProblem(t, roles),
      },
    );

  return (
    <ModalDialog
      isOpen={isOpen}
      onOpenChange={close}
      title={result ? t('users.invitedTitle') : t('users.inviteTitle')}
      isDismissable={!pending}
    >
      {result ? (
        <div className="stack stack--sm">
          <Alert tone="success">{t('users.invited', { name: result.user.displayName })}</Alert>
          <p>{t('users.inviteLinkHint')}</p>
          <OneTimeLink link={result.link} label={t('users.inviteLink')} />
          <div className="form__actions">
            <Button onPress={() => close(false)}>{t('common.close')}</Button>
          </div>
        </div>
      ) : (
        <SubmitForm
          {...form}
          onSubmit={invite}
          submitLabel={t('users.inviteSubmit')}
          actions={
            <Button variant="secondary" onPress={() => close(false)} isDisabled={pending}>
              {t('common.cancel')}
            </Button>
          }
        >
          <TextField
            label={t('users.email')}
            type="email"
            name="email"
            autoComplete="off"
            isRequired
            {...field.text('email')}
          />
          <TextField
            label={t('users.displayName')}
            name="displayName"
            autoComplete="off"
            isRequired
            {...field.text('displayName')}
          />
          <RolesField {...field.checks('roles')} />
        </SubmitForm>
      )}
    </ModalDialog>
  );
}

function roleProblem(t: (key: string) => string, roles: string[]): string | undefined {
  if (roles.length === 0) return t('users.rolesRequired');
  return adminRoleConflict(roles) ? t('users.adminRoleConflict') : undefined;
}

/** A user's roles, bound to the form's `roles` (`field.checks('roles')`). */
function RolesField(binding: {
  value: string[];
  onChange: (roles: string[]) => void;
  errorMessage: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <StaffRolesField
      label={t('users.roles')}
      description={t('users.rolesDescription')}
      {...binding}
      isRequired
      name="roles"
    />
  );
}

function serverFieldErrors(t: (key: string) => string, error: unknown): FieldErrors<InviteField> | undefined {
  if (!isApiError(error)) return undefined;
  if (error.code === 'conflict') return { email: t('users.emailTaken') };
  if (error.code === 'validation_failed' && error.issues.length > 0) {
    const result: FieldErrors<InviteField> = {};
    for (const issue of error.issues) {
      const field = lastSegment(issue.path);
      if (field === 'email' || field === 'displayName' || field === 'roles') result[field] = issue.message;
    }
    return hasErrors(result) ? result : undefined;
  }
  return undefined;
}

type EditField = 'displayName' | 'roles';

function EditUserDialog({
  user,
  onClose,
  onChanged,
}: {
  user: UserView;
  onClose: () => void;
  onChanged: (user?: UserView) => void;
}) {
  const { t } = useTranslation();
  const me = useUser();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useDraft(() => ({ displayName: user.displayName, roles: user.roles as string[] }));
  const { displayName, roles } = form.draft;
  const [errors, setErrors] = useState<FieldErrors<EditField>>({});
  const field = form.bind(errors);
  const { status: message, report, clear: clearMessage } = useStatus();
  const [busy, setBusy] = useState<string>();
  const [link, setLink] = useState<OneTimeLinkData>();
  const [confirm, setConfirm] = useState<'disable' | 'resetMfa' | 'resetPassword'>();
  const isSelf = me?.id === user.id;
  const confirmId = useId();

  const run = async (name: string, action: () => Promise<void>) => {
    setBusy(name);
    clearMessage();
    try {
      await action();
    } catch (error) {
      report('error', errorText(t, error));
    } finally {
      setBusy(undefined);
      setConfirm(undefined);
    }
  };

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors<EditField> = {
      displayName: displayName.trim() ? undefined : t('users.displayNameRequired'),
      roles: roleProblem(t, roles),
    };
    setErrors(next);
    if (hasErrors(next)) {
      report('error', t('form.checkInput'));
      focusFirstInvalid(formRef.current);
      return;
    }
    await run('save', async () => {
      // Own roles are not sent: only another administrator may change them.
      const result = await api.users.update({
        params: { id: user.id },
        body: isSelf
          ? { displayName: displayName.trim() }
          : { displayName: displayName.trim(), roles: roles as Role[] },
      });
      onChanged(result.user);
      report('success', t('users.saved'));
    });
  };

  const setDisabled = (disabled: boolean) =>
    run('disable', async () => {
      const result = await api.users.update({
        params: { id: user.id },
        body: { disabled },
      });
      onChanged(result.user);
      report('success', disabled ? t('users.disabledDone') : t('users.enabledDone'));
    });

  const resetPassword = () =>
    run('resetPassword', async () => {
      // Resetting another administrator answers 202 with the pending approval instead of the link.
      const result = (await api.users.resetPassword({ params: { id: user.id } })) as
        | { link: OneTimeLinkData }
        | ResetApprovalPending;
      if ('approvalRequired' in result) {
        report('success', t('users.resetApprovalRequested'));
        return;
      }
      setLink(result.link);
      onChanged();
      report('success', t('users.resetPasswordDone'));
    });

  const resetMfa = () =>
    run('resetMfa', async () => {
      // 204 when done; 202 with the pending approval for another administrator.
      const result = (await api.users.resetMfa({ params: { id: user.id } })) as
        | ResetApprovalPending
        | undefined;
      if (result?.approvalRequired) {
        report('success', t('users.resetApprovalRequested'));
        return;
      }
      onChanged({ ...user, mfaEnabled: false });
      report('success', t('users.resetMfaDone'));
    });

  const anyBusy = Boolean(busy);

  return (
    <ShownDialog
      onClose={onClose}
      title={t('users.editTitle', { name: user.displayName })}
      isDismissable={!anyBusy}
    >
      <div className="stack stack--sm">
        <StatusAlert status={message} />
        <p className="muted">
          {user.email} · {t(`userStatus.${user.status}`)} ·{' '}
          {user.mfaEnabled ? t('users.mfaOn') : t('users.mfaOff')}
        </p>
        <Form ref={formRef} onSubmit={save} className="form" validationBehavior="aria">
          <TextField
            label={t('users.displayName')}
            name="displayName"
            isRequired
            {...field.text('displayName')}
          />
          {isSelf ? (
            <div className="stack stack--xs">
              <p>
                <strong>{t('users.roles')}:</strong> {user.roles.map((role) => t(`roles.${role}`)).join(', ')}
              </p>
              <p className="muted">{t('users.ownRolesHint')}</p>
            </div>
          ) : (
            <RolesField {...field.checks('roles')} />
          )}
          <div className="form__actions">
            <Button type="submit" isPending={busy === 'save'} isDisabled={anyBusy && busy !== 'save'}>
              {t('common.save')}
            </Button>
          </div>
        </Form>

        <div className="subsection">
          <h3>{t('users.accessTitle')}</h3>
          {link ? <OneTimeLink link={link} label={t('users.resetLink')} /> : null}
          {confirm ? (
            <div className="confirm">
              <p id={confirmId}>{t(`users.confirm.${confirm}`, { name: user.displayName })}</p>
              <div className="form__actions">
                <Button
                  variant="danger"
                  isPending={anyBusy}
                  autoFocus
                  aria-describedby={confirmId}
                  onPress={() => {
                    if (confirm === 'disable') void setDisabled(true);
                    else if (confirm === 'resetMfa') void resetMfa();
                    else void resetPassword();
                  }}
                >
                  {t(`users.confirmAction.${confirm}`)}
                </Button>
                <Button variant="secondary" onPress={() => setConfirm(undefined)} isDisabled={anyBusy}>
                  {t('common.cancel')}
                </Button>
              </div>
            </div>
          ) : (
            <div className="form__actions">
              {user.status === 'disabled' ? (
                <Button
                  variant="secondary"
                  isPending={busy === 'disable'}
                  onPress={() => void setDisabled(false)}
                >
                  {t('users.enable')}
                </Button>
              ) : isSelf ? null : (
                <Button variant="secondary" isDisabled={anyBusy} onPress={() => setConfirm('disable')}>
                  {t('users.disable')}
                </Button>
              )}
              {isSelf ? (
                <p className="muted">{t('users.ownAccessHint')}</p>
              ) : (
                <Button variant="secondary" isDisabled={anyBusy} onPress={() => setConfirm('resetPassword')}>
                  {t('users.resetPassword')}
                </Button>
              )}
              {user.mfaEnabled && !isSelf ? (
                <Button variant="secondary" isDisabled={anyBusy} onPress={() => setConfirm('resetMfa')}>
                  {t('users.resetMfa')}
                </Button>
              ) : null}
            </div>
          )}
        </div>
        <div className="form__actions form__actions--end">
          <Button variant="quiet" onPress={onClose} isDisabled={anyBusy}>
            {t('common.close')}
          </Button>
        </div>
      </div>
    </ShownDialog>
  );
}
