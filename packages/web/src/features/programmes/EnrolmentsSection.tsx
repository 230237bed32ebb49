import type { ClientSummary, EnrolmentView, ProgrammeView } from '@lotse/domain';
import { type KeyboardEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { api } from '../../app/client.ts';
import { checkDateOrder } from '../../app/dateOrder.ts';
import { formatDate } from '../../app/dates.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { localeOf } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { textColumns } from '../../ui/columns.ts';
import { DraftDialog } from '../../ui/DraftDialog.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Section } from '../../ui/Page.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { RowAction } from '../../ui/RowAction.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TableRegion } from '../../ui/TableRegion.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { type TextBinding, useDraft } from '../../ui/useDraft.ts';
import { earlyEndReasonKeys, exitReasonKeys, explained, isIsoDate, todayIso } from './programmes.ts';

const PAGE_SIZE = 25;
type StatusFilter = 'active' | 'waiting' | 'exited' | 'all';

/** A client-side check failing before the request: shown like the server's field errors. */
function invalid(issues: { path: string; message: string }[]): never {
  throw new ApiError(400, 'validation_failed', issues[0]?.message ?? '', undefined, issues);
}

const nameOf = (e: EnrolmentView) => e.client.displayName;
type ExitReason = (typeof exitReasonKeys)[number];
type EarlyEndReason = (typeof earlyEndReasonKeys)[number];

/** Participations of the own agency: enrol (place, waiting list, over-booking), admit, exit. */
export function EnrolmentsSection({
  programme,
  canOverbook,
  onChanged,
}: {
  programme: ProgrammeView;
  canOverbook: boolean;
  onChanged: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const [status, setStatus] = useState<StatusFilter>('active');
  const [page, setPage] = useState(1);
  const [enrolling, setEnrolling] = useState(false);
  const enrolments = useEndpoint(api.programmes.enrolments, {
    params: { id: programme.id },
    query: { page, pageSize: PAGE_SIZE, status: status === 'all' ? undefined : status },
  });

  const changed = (text: string) => {
    enrolments.reload();
    onChanged(text);
  };

  return (
    <Section
      id="teilnahmen"
      title={t('programmes.enrolments.title')}
      description={<p>{t('programmes.enrolments.description')}</p>}
    >
      <div className="programme-toolbar">
        <SelectField
          label={t('programmes.enrolments.statusFilter')}
          options={(['active', 'waiting', 'exited', 'all'] as const).map((s) => ({
            id: s,
            label: t(`programmes.status.${s}`),
          }))}
          selectedKey={status}
          onSelectionChange={(key) => {
            setStatus((key ?? 'active') as StatusFilter);
            setPage(1);
          }}
        />
        <Button onPress={() => setEnrolling(true)}>{t('programmes.enrolments.enrol')}</Button>
      </div>
      <Loaded query={enrolments}>
        {(data) => (
          <>
            <TableRegion
              caption={t('programmes.enrolments.caption', {
                status: t(`programmes.status.${status}`),
                count: data.total,
              })}
              className="table table--compact"
              columns={textColumns(t, 'programmes.enrolments', [
                'person',
                'clientNumber',
                'status',
                'entry',
                'exit',
                'reason',
                'coach',
                'actions',
              ])}
            >
              {data.items.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{nameOf(e)}</th>
                  <td className="cell--nowrap">{e.client.clientNumber}</td>
                  <td>
                    <span className={`badge badge--${e.status === 'active' ? 'success' : 'neutral'}`}>
                      {t(`programmes.status.${e.status}`)}
                    </span>
                    {e.overBooked ? (
                      <span className="badge badge--warning"> {t('programmes.enrolments.overBooked')}</span>
                    ) : null}
                  </td>
                  <td className="cell--nowrap">{formatDate(e.entryDate, locale)}</td>
                  <td className="cell--nowrap">{formatDate(e.exitDate, locale)}</td>
                  <td>
                    {e.exitReason ? t(`programmes.exitReason.${e.exitReason}`) : ''}
                    {e.earlyEndReason ? `: ${t(`programmes.earlyEndReason.${e.earlyEndReason}`)}` : ''}
                  </td>
                  <td>{e.coach?.displayName ?? ''}</td>
                  <td>
                    <div className="section-actions">
                      {e.status === 'waiting' ? (
                        <RowAction
                          label={t('programmes.enrolments.admitAction')}
                          accessibleLabel={t('programmes.enrolments.admitActionFor', { name: nameOf(e) })}
                          dialog={(close) => (
                            <AdmitDialog
                              enrolment={e}
                              canOverbook={canOverbook}
                              onClose={close}
                              onDone={changed}
                            />
                          )}
                        />
                      ) : null}
                      {e.status !== 'exited' ? (
                        <RowAction
                          label={t('programmes.enrolments.exitAction')}
                          accessibleLabel={t('programmes.enrolments.exitActionFor', { name: nameOf(e) })}
                          dialog={(close) => <ExitDialog enrolment={e} onClose={close} onDone={changed} />}
                        />
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </TableRegion>
            {data.items.length === 0 ? <p>{t('programmes.enrolments.empty')}</p> : null}
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
          </>
        )}
      </Loaded>
      {enrolling ? (
        <EnrolDialog
          programme={programme}
          canOverbook={canOverbook}
          onClose={() => setEnrolling(false)}
          onDone={changed}
        />
      ) : null}
    </Section>
  );
}

type Mode = 'place' | 'overbook' | 'waiting';
const NO_COACH = 'none';

function EnrolDialog({
  programme,
  canOverbook,
  onClose,
  onDone,
}: {
  programme: ProgrammeView;
  canOverbook: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<ClientSummary[]>();
  const [searchFailure, setSearchFailure] = useState<string>();
  const form = useDraft(() => ({
    clientId: null as string | null,
    mode: 'place' as Mode,
    entryDate: todayIso(),
    employer: '',
    project: '',
    overbookingReason: '',
    coach: NO_COACH,
  }));
  const { clientId, mode, entryDate, employer, project, overbookingReason: reason, coach } = form.draft;
  const coaches = useEndpoint(api.programmes.coaches, {});

  const runSearch = async () => {
    setSearchFailure(undefined);
    try {
      const found = await api.clients.list({ query: { query: search.trim(), pageSize: 20 } });
      setResults(found.items.filter((c) => !c.shared));
      form.set('clientId', found.items.find((c) => !c.shared)?.id ?? null);
    } catch (error) {
      setSearchFailure(errorText(t, error));
    }
  };
  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void runSearch();
    }
  };

  const submit = async () => {
    const issues: { path: string; message: string }[] = [];
    if (!clientId) issues.push({ path: 'clientId', message: t('programmes.enrolments.clientRequired') });
    if (mode !== 'waiting' && !isIsoDate(entryDate))
      issues.push({ path: 'entryDate', message: t('programmes.enrolments.dateRequired') });
    if (mode === 'overbook' && reason.trim().length < 5)
      issues.push({ path: 'overbookingReason', message: t('programmes.enrolments.overbookHelp') });
    if (issues.length > 0) invalid(issues);
    // Fields left undefined are not sent.
    const body = {
      clientId: clientId ?? '',
      waitingList: mode === 'waiting' ? true : undefined,
      entryDate: mode === 'waiting' ? undefined : entryDate,
      overbookingReason: mode === 'overbook' ? reason.trim() : undefined,
      employer: employer.trim() || undefined,
      project: project.trim() || undefined,
      coachUserId: coach === NO_COACH ? undefined : coach,
    };
    const res = await explained(t, api.programmes.enrol({ params: { id: programme.id }, body }));
    const name = res.enrolment.client.displayName;
    onDone(
      res.enrolment.status === 'waiting'
        ? t('programmes.enrolments.waitlisted', { name })
        : t('programmes.enrolments.enrolled', { name }),
    );
  };

  const modes: { id: Mode; label: string }[] = [
    { id: 'place', label: t('programmes.enrolments.modePlace') },
    ...(canOverbook ? [{ id: 'overbook' as const, label: t('programmes.enrolments.overbook') }] : []),
    { id: 'waiting', label: t('programmes.enrolments.modeWaiting') },
  ];

  return (
    <DraftDialog
      form={form}
      onClose={onClose}
      title={t('programmes.enrolments.enrol')}
      submitLabel={t('programmes.enrolments.save')}
      onSubmit={submit}
    >
      {(field, errors) => (
        <>
          <div className="inline-form">
            <TextField
              label={t('programmes.enrolments.search')}
              description={t('programmes.enrolments.searchHelp')}
              type="search"
              value={search}
              onChange={setSearch}
              onKeyDown={onSearchKey}
            />
            <Button variant="secondary" onPress={() => void runSearch()}>
              {t('programmes.enrolments.searchButton')}
            </Button>
          </div>
          {searchFailure ? <Alert tone="error">{searchFailure}</Alert> : null}
          {results ? (
            <p role="status">
              {results.length === 0
                ? t('programmes.enrolments.noResults')
                : t('programmes.enrolments.searchResults', { count: results.length })}
            </p>
          ) : null}
          {results && results.length > 0 ? (
            <SelectField
              label={t('programmes.enrolments.client')}
              options={results.map((c) => ({
                id: c.id,
                label: `${c.lastName}, ${c.firstName} (${c.clientNumber})`,
              }))}
              selectedKey={clientId}
              onSelectionChange={(key) => form.set('clientId', key)}
            />
          ) : null}
          {errors.clientId ? <p className="field__error">{errors.clientId}</p> : null}
          <SelectField
            label={t('programmes.enrolments.mode')}
            options={modes}
            selectedKey={mode}
            onSelectionChange={(key) => form.set('mode', key ?? 'place')}
          />
          {mode !== 'waiting' ? (
            <TextField
              label={t('programmes.enrolments.entryDate')}
              type="date"
              isRequired
              {...field.text('entryDate')}
            />
          ) : null}
          {mode === 'overbook' ? (
            <TextAreaField
              label={t('programmes.enrolments.overbookReason')}
              isRequired
              {...field.text('overbookingReason')}
              rows={3}
            />
          ) : null}
          <TextField label={t('programmes.enrolments.employer')} {...field.text('employer')} />
          <TextField label={t('programmes.enrolments.project')} {...field.text('project')} />
          <SelectField
            label={t('programmes.enrolments.coach')}
            description={t('programmes.enrolments.coachHelp')}
            options={[
              { id: NO_COACH, label: t('programmes.enrolments.noCoach') },
              ...(coaches.data?.items ?? []).map((c) => ({ id: c.id, label: c.displayName })),
            ]}
            selectedKey={coach}
            onSelectionChange={(key) => form.set('coach', key ?? NO_COACH)}
          />
          {errors.coachUserId ? <p className="field__error">{errors.coachUserId}</p> : null}
        </>
      )}
    </DraftDialog>
  );
}

/** What the exit and admit dialogs of one enrolment get. */
interface EnrolmentDialogProps {
  enrolment: EnrolmentView;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** The texts of a step of one enrolment: the dialog's title, its submit and its date. */
const steps = {
  exit: {
    title: 'programmes.enrolments.exitActionFor',
    submit: 'programmes.enrolments.saveExit',
    date: 'programmes.enrolments.exitDate',
  },
  admit: {
    title: 'programmes.enrolments.admitActionFor',
    submit: 'programmes.enrolments.saveAdmit',
    date: 'programmes.enrolments.entryDate',
  },
} as const;

type FieldBinding<D extends object> = ReturnType<ReturnType<typeof useDraft<D>>['bind']>;

/** The dialog of a step of one enrolment (exit, admit): the step's date first, then its own fields. */
function StepDialog<D extends object>({
  step,
  enrolment,
  form,
  onClose,
  onSubmit,
  date,
  children,
}: {
  step: keyof typeof steps;
  enrolment: EnrolmentView;
  form: ReturnType<typeof useDraft<D>>;
  onClose: () => void;
  onSubmit: () => Promise<void>;
  /** The binding of the step's date among the form's fields. */
  date: (field: FieldBinding<D>) => TextBinding;
  children: (field: FieldBinding<D>) => ReactNode;
}) {
  const { t } = useTranslation();
  const texts = steps[step];
  return (
    <DraftDialog
      form={form}
      onClose={onClose}
      title={t(texts.title, { name: nameOf(enrolment) })}
      submitLabel={t(texts.submit)}
      onSubmit={onSubmit}
    >
      {(field) => (
        <>
          <TextField label={t(texts.date)} type="date" isRequired {...date(field)} />
          {children(field)}
        </>
      )}
    </DraftDialog>
  );
}

function ExitDialog({ enrolment, onClose, onDone }: EnrolmentDialogProps) {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const form = useDraft(() => ({
    date: todayIso(),
    reason: 'regular_end' as ExitReason,
    earlyEndReason: 'personal' as EarlyEndReason,
  }));
  const { date, reason, earlyEndReason } = form.draft;

  const submit = async () => {
    if (!isIsoDate(date)) invalid([{ path: 'date', message: t('programmes.enrolments.dateRequired') }]);
    checkDateOrder(t, 'enrolmentExit', enrolment.entryDate, date, formatDate(enrolment.entryDate, locale));
    await explained(
      t,
      api.programmes.exit({
        params: { id: enrolment.id },
        body: { date, reason, ...(reason === 'early_end' ? { earlyEndReason } : {}) },
      }),
    );
    onDone(t('programmes.enrolments.exited', { name: nameOf(enrolment) }));
  };

  return (
    <StepDialog
      step="exit"
      enrolment={enrolment}
      form={form}
      onClose={onClose}
      onSubmit={submit}
      date={(field) => field.text('date')}
    >
      {(field) => (
        <>
          <SelectField
            label={t('programmes.enrolments.exitReason')}
            options={exitReasonKeys.map((k) => ({ id: k, label: t(`programmes.exitReason.${k}`) }))}
            {...field.select('reason')}
          />
          {reason === 'early_end' ? (
            <SelectField
              label={t('programmes.enrolments.earlyEndReason')}
              options={earlyEndReasonKeys.map((k) => ({ id: k, label: t(`programmes.earlyEndReason.${k}`) }))}
              {...field.select('earlyEndReason')}
            />
          ) : null}
        </>
      )}
    </StepDialog>
  );
}

function AdmitDialog({
  enrolment,
  canOverbook,
  onClose,
  onDone,
}: EnrolmentDialogProps & { canOverbook: boolean }) {
  const { t } = useTranslation();
  const form = useDraft(() => ({ entryDate: todayIso(), overbookingReason: '' }));
  const { entryDate, overbookingReason } = form.draft;

  const submit = async () => {
    if (!isIsoDate(entryDate))
      invalid([{ path: 'entryDate', message: t('programmes.enrolments.dateRequired') }]);
    const reason = overbookingReason.trim();
    await explained(
      t,
      api.programmes.admit({
        params: { id: enrolment.id },
        body: { entryDate, ...(reason ? { overbookingReason: reason } : {}) },
      }),
    );
    onDone(t('programmes.enrolments.admitted', { name: nameOf(enrolment) }));
  };

  return (
    <StepDialog
      step="admit"
      enrolment={enrolment}
      form={form}
      onClose={onClose}
      onSubmit={submit}
      date={(field) => field.text('entryDate')}
    >
      {(field) =>
        canOverbook ? (
          <>
            <TextAreaField
              label={t('programmes.enrolments.overbookReason')}
              rows={3}
              {...field.text('overbookingReason')}
            />
            <p className="field__description">{t('programmes.enrolments.overbookHelp')}</p>
          </>
        ) : null
      }
    </StepDialog>
  );
}
