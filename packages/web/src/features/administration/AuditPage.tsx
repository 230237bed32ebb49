import type { AuditEntryView } from '@lotse/domain';
import { useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { formatDateTime } from '../../app/dates.ts';
import { errorText } from '../../app/errors.ts';
import { formatNumber } from '../../app/format.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { textColumns } from '../../ui/columns.ts';
import { type FieldErrors, focusFirstInvalid, hasErrors } from '../../ui/forms.ts';
import { Loading, Page } from '../../ui/Page.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitForm } from '../../ui/SubmitForm.tsx';
import { TableRegion } from '../../ui/TableRegion.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useDraft } from '../../ui/useDraft.ts';

const PAGE_SIZE = 50;
const ALL = '__all';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters live in the address (German parameter names), so a filtered view can be bookmarked. */
interface Filters {
  action: string;
  from: string;
  to: string;
  clientId: string;
  userId: string;
}

function readFilters(params: URLSearchParams): Filters {
  return {
    action: params.get('aktion') ?? '',
    from: params.get('von') ?? '',
    to: params.get('bis') ?? '',
    clientId: params.get('klient') ?? '',
    userId: params.get('person') ?? '',
  };
}

function writeFilters(filters: Filters, page: number): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.action.trim()) out.aktion = filters.action.trim();
  if (filters.from) out.von = filters.from;
  if (filters.to) out.bis = filters.to;
  if (filters.clientId.trim()) out.klient = filters.clientId.trim();
  if (filters.userId) out.person = filters.userId;
  if (page > 1) out.seite = String(page);
  return out;
}

/** Audit log (admins and leads): who did what, when, to which record. Newest first. */
export function AuditPage() {
  const { t } = useTranslation();
  // The person filter lists the agency's users, which only user administrators may read.
  const isAdmin = useCan('users.read');
  const [params, setParams] = useSearchParams();
  const applied = readFilters(params);
  const page = Math.max(1, Number(params.get('seite')) || 1);
  const validApplied =
    (!applied.clientId || UUID.test(applied.clientId)) &&
    (!applied.from || DATE.test(applied.from)) &&
    (!applied.to || DATE.test(applied.to)) &&
    (!applied.userId || UUID.test(applied.userId));

  const entries = useEndpoint(
    api.audit.list,
    validApplied
      ? {
          query: {
            action: applied.action,
            from: applied.from,
            to: applied.to,
            clientId: applied.clientId,
            userId: isAdmin ? applied.userId : undefined,
            page,
            pageSize: PAGE_SIZE,
          },
        }
      : null,
  );

  return (
    <Page title={t('audit.title')} intro={<p>{t('audit.intro')}</p>}>
      <div className="stack">
        <AuditFilters
          key={params.toString()}
          initial={applied}
          isAdmin={isAdmin}
          onApply={(filters) => setParams(writeFilters(filters, 1))}
        />
        {!validApplied ? <Alert tone="error">{t('audit.invalidFilters')}</Alert> : null}
        {entries.error ? <Alert tone="error">{errorText(t, entries.error)}</Alert> : null}
        {entries.loading && !entries.data ? <Loading label={t('common.loading')} /> : null}
        {entries.data && validApplied ? (
          <div>
            <TableRegion
              caption={
                <>
                  {entries.data.total === 0
                    ? t('audit.empty')
                    : t('audit.caption', {
                        from: formatNumber((entries.data.page - 1) * entries.data.pageSize + 1),
                        to: formatNumber(
                          Math.min(entries.data.total, entries.data.page * entries.data.pageSize),
                        ),
                        total: formatNumber(entries.data.total),
                      })}
                  {entries.loading ? <span className="visually-hidden"> {t('common.loading')}</span> : null}
                </>
              }
              className="table table--compact"
              columns={textColumns(t, 'audit', [
                'at',
                'action',
                'outcome',
                'actor',
                'resource',
                'clientId',
                'details',
              ])}
            >
              {entries.data.items.map((entry) => (
                <tr key={entry.id}>
                  <td className="cell--nowrap">
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </td>
                  <td>
                    {t(`audit.actions.${entry.action}`, { defaultValue: '' }) || entry.action}
                    <br />
                    <code className="muted">{entry.action}</code>
                  </td>
                  <td>
                    <span className={`badge badge--${outcomeTone(entry.outcome)}`}>
                      {t(`audit.outcomes.${entry.outcome}`)}
                    </span>
                  </td>
                  <td>{entry.actor?.displayName ?? t('audit.system')}</td>
                  <td className="cell--break">
                    {entry.resourceType ? (
                      <>
                        {entry.resourceType}
                        {entry.resourceId ? (
                          <>
                            {' '}
                            <code className="muted">{entry.resourceId}</code>
                          </>
                        ) : null}
                      </>
                    ) : (
                      <None />
                    )}
                  </td>
                  <td className="cell--break">{entry.clientId ? <code>{entry.clientId}</code> : <None />}</td>
                  <td className="cell--details">
                    {Object.keys(entry.details).length > 0 ? (
                      <code>{JSON.stringify(entry.details)}</code>
                    ) : (
                      <None />
                    )}
                  </td>
                </tr>
              ))}
            </TableRegion>
            <Pagination
              page={entries.data.page}
              pageSize={entries.data.pageSize}
              total={entries.data.total}
              onChange={(next) => setParams(writeFilters(applied, next))}
            />
          </div>
        ) : null}
      </div>
    </Page>
  );
}

function outcomeTone(outcome: AuditEntryView['outcome']): 'success' | 'danger' | 'warning' {
  if (outcome === 'success') return 'success';
  if (outcome === 'denied') return 'danger';
  return 'warning';
}

type FilterField = 'clientId' | 'from' | 'to';

function AuditFilters({
  initial,
  isAdmin,
  onApply,
}: {
  initial: Filters;
  isAdmin: boolean;
  onApply: (filters: Filters) => void;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useDraft(() => initial);
  const filters = form.draft;
  const [errors, setErrors] = useState<FieldErrors<FilterField>>({});
  const [attempt, setAttempt] = useState(0);
  const summary = hasErrors(errors)
    ? { tone: 'error' as const, text: t('form.checkInput'), n: attempt }
    : undefined;
  const field = form.bind(errors);

  const submit = () => {
    setAttempt((n) => n + 1);
    const next: FieldErrors<FilterField> = {
      clientId:
        !filters.clientId.trim() || UUID.test(filters.clientId.trim())
          ? undefined
          : t('audit.clientIdInvalid'),
      from: !filters.from || DATE.test(filters.from) ? undefined : t('audit.dateInvalid'),
      to:
        filters.to && !DATE.test(filters.to)
          ? t('audit.dateInvalid')
          : filters.from && filters.to && filters.to < filters.from
            ? t('audit.toBeforeFrom')
            : undefined,
    };
    setErrors(next);
    if (hasErrors(next)) {
      focusFirstInvalid(formRef.current);
      return;
    }
    onApply(filters);
  };

  const clear = () => {
    const empty: Filters = { action: '', from: '', to: '', clientId: '', userId: '' };
    form.setDraft(empty);
    setErrors({});
    onApply(empty);
  };

  return (
    <section className="card" aria-labelledby="audit-filter-heading">
      <h2 id="audit-filter-heading">{t('audit.filterTitle')}</h2>
      <SubmitForm
        formRef={formRef}
        onSubmit={submit}
        status={summary}
        submitLabel={t('audit.apply')}
        actions={
          <Button variant="secondary" onPress={clear}>
            {t('audit.clear')}
          </Button>
        }
        className="form form--grid"
        actionsClassName="form__actions form__actions--full"
      >
        <TextField
          label={t('audit.actionFilter')}
          description={<Trans i18nKey="audit.actionFilterDescription" components={{ code: <code /> }} />}
          name="action"
          {...field.text('action')}
        />
        {isAdmin ? (
          <UserFilter value={filters.userId} onChange={(userId) => form.set('userId', userId)} />
        ) : null}
        <TextField
          label={t('audit.clientIdFilter')}
          description={t('audit.clientIdFilterDescription')}
          name="clientId"
          {...field.text('clientId')}
          inputClassName="field__input--mono"
        />
        <TextField label={t('audit.fromFilter')} type="date" name="from" {...field.text('from')} />
        <TextField label={t('audit.toFilter')} type="date" name="to" {...field.text('to')} />
      </SubmitForm>
    </section>
  );
}

/** Filter by person: only admins may list the users of the agency. */
function UserFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const users = useEndpoint(api.users.list, { query: { pageSize: 200 } });
  const options = [
    { id: ALL, label: t('audit.allUsers') },
    ...(users.data?.items ?? [])
      .slice()
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .map((u) => ({ id: u.id, label: `${u.displayName} (${u.email})` })),
  ];
  return (
    <SelectField
      label={t('audit.userFilter')}
      options={options}
      selectedKey={value || ALL}
      onSelectionChange={(key) => onChange(!key || key === ALL ? '' : key)}
      isDisabled={users.loading && !users.data}
    />
  );
}

/** An empty cell that screen readers announce as "none" instead of a dash. */
function None() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('common.none')}</span>
    </>
  );
}
