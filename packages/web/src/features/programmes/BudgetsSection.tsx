import type { BudgetsView, ProgrammeView } from '@lotse/domain';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { formatDate } from '../../app/dates.ts';
import { errorText } from '../../app/errors.ts';
import type { FieldErrors } from '../../app/fieldErrors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { localeOf } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { textColumns } from '../../ui/columns.ts';
import { FigureTable } from '../../ui/FigureTable.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { Section } from '../../ui/Page.tsx';
import { SelectField, type SelectFieldProps } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { type TextBinding, useDraft } from '../../ui/useDraft.ts';
import { useFormSubmit } from '../../ui/useFormSubmit.ts';
import {
  explained,
  formatEuro,
  formatPercent,
  fundingLineKeys,
  isIsoDate,
  parseBudgetInput,
  parseEuroInput,
  todayIso,
} from './programmes.ts';

type BudgetLine = BudgetsView['total']['lines'][number];
type FundingLine = (typeof fundingLineKeys)[number];
type BudgetTotal = BudgetsView['total']['total'];

/** One budget table: a row per funding line and the sum, each with spent, remaining and warning. */
function BudgetTable({
  caption,
  lines,
  total,
  locale,
}: {
  caption: string;
  lines: BudgetLine[];
  total: BudgetTotal;
  locale: string;
}) {
  const { t } = useTranslation();
  const row = (label: string, figures: BudgetTotal) => [
    label,
    formatEuro(figures.budget, locale),
    formatEuro(figures.spent, locale),
    formatEuro(figures.remaining, locale),
    formatPercent(figures.spentPercent, locale),
    formatPercent(figures.plannedPercent, locale),
    figures.warning ? (
      <span
        key="warning"
        className={`badge badge--${figures.warning === 'over_budget' ? 'danger' : 'warning'}`}
      >
        {t(`programmes.budgets.${figures.warning}`)}
      </span>
    ) : null,
  ];
  return (
    <FigureTable
      caption={caption}
      compact
      columns={[
        { label: t('programmes.budgets.line') },
        ...textColumns(
          t,
          'programmes.budgets',
          ['budget', 'spent', 'remaining', 'spentPercent', 'plannedPercent'],
          { numeric: true },
        ),
        { label: t('programmes.budgets.warning') },
      ]}
      rows={[
        ...lines.map((l) => row(t(`programmes.fundingLine.${l.fundingLine}`), l)),
        row(t('programmes.budgets.sum'), total),
      ]}
    />
  );
}

/** Budgets per funding line with spent, remaining and burn-rate warning; bookings of the own agency. */
export function BudgetsSection({
  programme,
  year,
  canBook,
  canBudget,
}: {
  programme: ProgrammeView;
  year: number;
  canBook: boolean;
  canBudget: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const params = { id: programme.id };
  const budgets = useEndpoint(api.programmes.budgets, { params, query: { year } });
  const bookings = useEndpoint(api.programmes.expenditures, { params, query: { year, pageSize: 10 } });
  const data = budgets.data;
  const warned = data
    ? data.agencies.flatMap((a) =>
        a.lines
          .filter((l) => l.warning)
          .map((l) => `${t(`programmes.fundingLine.${l.fundingLine}`)} (${a.agency.name})`),
      )
    : [];

  const reload = () => {
    budgets.reload();
    bookings.reload();
  };

  return (
    <Section
      id="budgets"
      title={t('programmes.budgets.title')}
      description={
        data ? <p>{t('programmes.budgets.description', { date: formatDate(data.asOf, locale) })}</p> : null
      }
    >
      <Loaded query={budgets}>
        {(data) => (
          <>
            {warned.length > 0 ? (
              <Alert tone="warning">
                {t('programmes.budgets.warningSummary', { lines: warned.join(', ') })}
              </Alert>
            ) : null}
            <div className="programme-grid">
              {data.agencies.map((a) => (
                <BudgetTable
                  key={a.agency.id}
                  caption={t('programmes.budgets.caption', { year: data.year, agency: a.agency.name })}
                  lines={a.lines}
                  total={a.total}
                  locale={locale}
                />
              ))}
              {data.agencies.length > 1 ? (
                <BudgetTable
                  caption={t('programmes.budgets.captionTotal', { year: data.year })}
                  lines={data.total.lines}
                  total={data.total.total}
                  locale={locale}
                />
              ) : null}
            </div>
          </>
        )}
      </Loaded>

      {canBudget ? (
        <BudgetForm programme={programme} year={year} budgets={data} onSaved={budgets.reload} />
      ) : null}

      {canBook ? <ExpenditureForm programme={programme} year={year} onBooked={reload} /> : null}

      <h3>{t('programmes.expenditure.recent')}</h3>
      {bookings.error ? <Alert tone="error">{errorText(t, bookings.error)}</Alert> : null}
      {bookings.data && bookings.data.items.length === 0 ? <p>{t('programmes.expenditure.none')}</p> : null}
      {bookings.data && bookings.data.items.length > 0 ? (
        <FigureTable
          caption={t('programmes.expenditure.recent')}
          compact
          rowHeader={1}
          columns={[
            { label: t('programmes.expenditure.date'), nowrap: true },
            { label: t('programmes.expenditure.reference') },
            { label: t('programmes.expenditure.line') },
            { label: t('programmes.expenditure.enrolment') },
            { label: t('programmes.expenditure.amount'), numeric: true },
          ]}
          rows={bookings.data.items.map((x) => [
            formatDate(x.date, locale),
            x.reference,
            t(`programmes.fundingLine.${x.fundingLine}`),
            x.enrolmentId ? t('programmes.expenditure.linked') : '',
            formatEuro(x.amount, locale),
          ])}
        />
      ) : null}
    </Section>
  );
}

const NO_ENROLMENT = 'none';

/**
 * The frame of both booking forms: a heading, the outcome of the last submit (failure or success)
 * and the fields in one row with the submit button.
 */
function BookingForm({
  title,
  help,
  failure,
  success,
  formRef,
  onSubmit,
  pending,
  submitLabel,
  children,
}: ReturnType<typeof useBooking>['frame'] & {
  title: string;
  help?: string;
  onSubmit: () => void;
  submitLabel: string;
  children: ReactNode;
}) {
  const headingId = useId();
  const send = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <section aria-labelledby={headingId} className="subsection">
      <h3 id={headingId}>{title}</h3>
      {help ? <p className="field__description">{help}</p> : null}
      {failure ? <Alert tone="error">{failure}</Alert> : null}
      {success ? <Alert tone="success">{success}</Alert> : null}
      <Form ref={formRef} onSubmit={send} className="inline-form" validationBehavior="aria">
        {children}
        <Button type="submit" isPending={pending}>
          {submitLabel}
        </Button>
      </Form>
    </section>
  );
}

/**
 * The submit cycle of both booking forms: the form's own checks, the request (which resolves to the
 * success message), and the outcome above the form.
 */
function useBooking() {
  const { formRef, pending, failure, errors, submit } = useFormSubmit();
  const [success, setSuccess] = useState<string>();
  const book = async (local: FieldErrors, action: () => Promise<string>) => {
    setSuccess(undefined);
    await submit(async () => setSuccess(await action()), local);
  };
  return { errors, book, frame: { formRef, pending, failure, success } };
}

/** A choice with its message below it (the forms' selects keep their own message line). */
function ChoiceField<K extends string>({
  error,
  ...select
}: SelectFieldProps<K> & { error: string | undefined }) {
  return (
    <div>
      <SelectField {...select} />
      {error ? <p className="field__error">{error}</p> : null}
    </div>
  );
}

/** The funding line of a booking or budget. */
function LineField({
  value,
  onChange,
  error,
}: {
  value: FundingLine | null;
  onChange: (line: FundingLine | null) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <ChoiceField
      label={t('programmes.expenditure.line')}
      options={fundingLineKeys.map((k) => ({ id: k, label: t(`programmes.fundingLine.${k}`) }))}
      selectedKey={value}
      onSelectionChange={onChange}
      error={error}
    />
  );
}

/** A euro amount as typed, with the hint how to write it. */
function AmountField({ label, ...binding }: TextBinding & { label: string }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={label}
      description={t('programmes.expenditure.amountHelp')}
      inputMode="decimal"
      isRequired
      {...binding}
    />
  );
}

/** Books an expenditure of the own agency: the amount is sent as an exact decimal string. */
function ExpenditureForm({
  programme,
  year,
  onBooked,
}: {
  programme: ProgrammeView;
  year: number;
  onBooked: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const today = todayIso();
  const form = useDraft(() => ({
    fundingLine: null as FundingLine | null,
    amount: '',
    date: today.startsWith(String(year)) ? today : `${year}-01-01`,
    reference: '',
    enrolmentId: NO_ENROLMENT,
  }));
  const { fundingLine: line, amount, date, reference, enrolmentId } = form.draft;
  const enrolments = useEndpoint(api.programmes.enrolments, {
    params: { id: programme.id },
    query: { pageSize: 200 },
  });
  const enrolmentOptions = [
    { id: NO_ENROLMENT, label: t('programmes.expenditure.noEnrolment') },
    ...(enrolments.data?.items ?? [])
      .filter((e) => e.status !== 'waiting')
      .map((e) => ({ id: e.id, label: `${e.client.displayName} (${e.client.clientNumber})` })),
  ];
  const { errors, book, frame } = useBooking();
  const field = form.bind(errors);

  const onSubmit = () => {
    const euros = parseEuroInput(amount);
    const local: FieldErrors<keyof typeof form.draft> = {};
    if (!line) local.fundingLine = t('programmes.expenditure.lineRequired');
    if (!euros) local.amount = t('programmes.expenditure.amountInvalid');
    if (!isIsoDate(date)) local.date = t('programmes.enrolments.dateRequired');
    if (!reference.trim()) local.reference = t('programmes.expenditure.referenceRequired');
    return book(local, async () => {
      const booking = api.programmes.book({
        params: { id: programme.id },
        body: {
          fundingLine: line as FundingLine,
          amount: euros as string,
          date,
          reference: reference.trim(),
          ...(enrolmentId !== NO_ENROLMENT ? { enrolmentId } : {}),
        },
      });
      const res = await explained(t, booking);
      form.setDraft((d) => ({ ...d, amount: '', reference: '', enrolmentId: NO_ENROLMENT }));
      onBooked();
      return t('programmes.expenditure.booked', {
        amount: formatEuro(res.expenditure.amount, locale),
        line: t(`programmes.fundingLine.${res.expenditure.fundingLine}`),
      });
    });
  };

  return (
    <BookingForm
      {...frame}
      title={t('programmes.expenditure.title')}
      onSubmit={() => void onSubmit()}
      submitLabel={t('programmes.expenditure.submit')}
    >
      <LineField value={line} onChange={(key) => form.set('fundingLine', key)} error={errors.fundingLine} />
      <AmountField label={t('programmes.expenditure.amount')} {...field.text('amount')} />
      <TextField label={t('programmes.expenditure.date')} type="date" isRequired {...field.text('date')} />
      <TextField
        label={t('programmes.expenditure.reference')}
        isRequired
        maxLength={100}
        {...field.text('reference')}
      />
      <ChoiceField
        label={t('programmes.expenditure.enrolment')}
        description={t('programmes.expenditure.enrolmentHelp')}
        options={enrolmentOptions}
        selectedKey={enrolmentId}
        onSelectionChange={(key) => form.set('enrolmentId', key ?? NO_ENROLMENT)}
        error={errors.enrolmentId}
      />
    </BookingForm>
  );
}

type BudgetField = 'agencyId' | 'fundingLine' | 'amount' | 'year';

/**
 * Sets the budget of one funding line for an agency in the chosen year (owner and partners plan for
 * every agency of the programme, participants for their own). Zero removes the plan of the line.
 */
function BudgetForm({
  programme,
  year,
  budgets,
  onSaved,
}: {
  programme: ProgrammeView;
  year: number;
  budgets: BudgetsView | undefined;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const user = useUser();
  const agencies =
    programme.myRole === 'participant'
      ? programme.agencies.filter((a) => a.agency.id === user?.agency.id)
      : programme.agencies;
  const form = useDraft(() => ({
    agencyId: user?.agency.id ?? agencies[0]?.agency.id ?? null,
    fundingLine: null as FundingLine | null,
    amount: '',
  }));
  const { agencyId, fundingLine: line, amount } = form.draft;
  const { errors, book, frame } = useBooking();

  /**
   * Chooses the agency or line; the current budget of the pair becomes the starting value
   * ("1234.50" -> "1234,50" in German).
   */
  const choose = (choice: Partial<Pick<typeof form.draft, 'agencyId' | 'fundingLine'>>) =>
    form.setDraft((draft) => {
      const next = { ...draft, ...choice };
      const current = budgets?.agencies
        .find((a) => a.agency.id === next.agencyId)
        ?.lines.find((l) => l.fundingLine === next.fundingLine)?.budget;
      if (current === undefined) return next;
      return { ...next, amount: locale.startsWith('de') ? current.replace('.', ',') : current };
    });

  const onSubmit = () => {
    const euros = parseBudgetInput(amount);
    const local: FieldErrors<BudgetField> = {};
    if (!agencyId) local.agencyId = t('programmes.budgetForm.agencyRequired');
    if (!line) local.fundingLine = t('programmes.expenditure.lineRequired');
    if (!euros) local.amount = t('programmes.budgetForm.amountInvalid');
    return book(local, async () => {
      const saving = api.programmes.setBudget({
        params: { id: programme.id },
        body: {
          agencyId: agencyId ?? undefined,
          year,
          fundingLine: line as FundingLine,
          amount: euros as string,
        },
      });
      const res = await explained(t, saving);
      onSaved();
      return t('programmes.budgetForm.saved', {
        amount: formatEuro(res.budget.amount, locale),
        line: t(`programmes.fundingLine.${res.budget.fundingLine}`),
        agency: agencies.find((a) => a.agency.id === res.budget.agencyId)?.agency.name ?? '',
        year: res.budget.year,
      });
    });
  };

  return (
    <BookingForm
      {...frame}
      title={t('programmes.budgetForm.title', { year })}
      help={t('programmes.budgetForm.help')}
      onSubmit={() => void onSubmit()}
      submitLabel={t('programmes.budgetForm.submit')}
    >
      <ChoiceField
        label={t('programmes.budgetForm.agency')}
        options={agencies.map((a) => ({ id: a.agency.id, label: a.agency.name }))}
        selectedKey={agencyId}
        onSelectionChange={(key) => choose({ agencyId: key })}
        error={errors.agencyId}
      />
      <LineField value={line} onChange={(key) => choose({ fundingLine: key })} error={errors.fundingLine} />
      <AmountField
        label={t('programmes.budgetForm.amount')}
        {...form.bind(errors).text('amount')}
        errorMessage={errors.amount ?? errors.year}
      />
    </BookingForm>
  );
}
