import type { CaseloadView } from '@lotse/domain';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCan } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { localeOf } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading, Page, Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import './casework.css';
import { formatDate } from '../../app/dates.ts';
import './caseload.css';

type ClientRef = CaseloadView['goalsDue'][number]['client'];

/** Client rows shown per section before "show all": the page stays about a screen or two long. */
const FIRST_ROWS = 8;
/** Days ahead that count as "near" for goals (the server's default). */
const GOAL_DAYS = 14;

/** Entries grouped by client, in the order of each client's most urgent entry (the server sorts). */
function byClient<T extends { client: ClientRef }>(items: readonly T[]): { client: ClientRef; items: T[] }[] {
  const groups = new Map<string, { client: ClientRef; items: T[] }>();
  for (const item of items) {
    const group = groups.get(item.client.id);
    if (group) group.items.push(item);
    else groups.set(item.client.id, { client: item.client, items: [item] });
  }
  return [...groups.values()];
}

/**
 * The guide's reminders: a summary of what is due, then per section the clients in order of urgency
 * (overdue first, the oldest first), each client once with all their entries.
 */
export function CaseloadPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const isLead = useCan('caseload.team');
  const [params, setParams] = useSearchParams();
  const weeks = Number(params.get('wochen')) || 6;
  const scope = isLead && params.get('ansicht') === 'meine' ? 'mine' : undefined;
  const caseload = useEndpoint(api.caseload.read, { query: { weeks, scope } });
  const data = caseload.data;

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const date = (iso: string) => formatDate(iso, locale);

  /** "overdue since …" in words as well as in colour, or when it falls due. */
  const dueText = (iso: string, overdue: boolean) =>
    overdue ? (
      <span className="due due--overdue">
        <span className="badge badge--danger">{t('casework.caseload.overdue')}</span>{' '}
        {t('casework.caseload.overdueSince', { date: date(iso) })}
      </span>
    ) : (
      <span className="due">
        {iso === data?.today
          ? t('casework.caseload.dueToday')
          : t('casework.caseload.dueOnDate', { date: date(iso) })}
      </span>
    );

  return (
    <Page
      title={t('casework.caseload.title')}
      intro={
        data ? (
          <p>
            {t(data.scope === 'team' ? 'casework.caseload.introTeam' : 'casework.caseload.introMine', {
              count: data.openCases,
            })}
          </p>
        ) : null
      }
    >
      <div className="toolbar">
        <SelectField
          label={t('casework.caseload.weeks')}
          options={[2, 4, 6, 8, 12].map((w) => ({
            id: String(w),
            label: t('casework.caseload.weeksOption', { count: w }),
          }))}
          selectedKey={String(weeks)}
          onSelectionChange={(k) => setParam('wochen', k === '6' ? null : k)}
        />
        {isLead ? (
          <SelectField
            label={t('casework.caseload.view')}
            options={[
              { id: 'team', label: t('casework.caseload.team') },
              { id: 'mine', label: t('casework.caseload.mine') },
            ]}
            selectedKey={scope === 'mine' ? 'mine' : 'team'}
            onSelectionChange={(k) => setParam('ansicht', k === 'mine' ? 'meine' : null)}
          />
        ) : null}
      </div>
      {caseload.error ? <Alert tone="error">{errorText(t, caseload.error)}</Alert> : null}
      {!data && caseload.loading ? <Loading label={t('common.loading')} /> : null}
      {data ? (
        <div className="stack">
          <Summary data={data} weeks={weeks} />
          <ReminderSection
            id="ziele-faellig"
            title={t('casework.caseload.goalsDue', { count: data.counts.goalsDue })}
            empty={t('casework.caseload.goalsDueNone')}
            total={data.counts.goalsDue}
            listed={data.goalsDue.length}
            detail={t('casework.caseload.goals')}
            groups={byClient(data.goalsDue).map((g) => ({
              client: g.client,
              detail: (
                <ul className="reminder-list">
                  {g.items.map((goal) => (
                    <li key={goal.goalId}>
                      <span className="reminder-list__what">{goal.title}</span>{' '}
                      {dueText(goal.targetDate, goal.overdue)}
                    </li>
                  ))}
                </ul>
              ),
            }))}
          />
          <ReminderSection
            id="erhebungen-faellig"
            title={t('casework.caseload.followUps', { count: data.counts.followUpsDue })}
            empty={t('casework.caseload.followUpsNone')}
            total={data.counts.followUpsDue}
            listed={data.followUpsDue.length}
            detail={t('casework.caseload.followUp')}
            groups={byClient(data.followUpsDue).map((g) => ({
              client: g.client,
              detail: (
                <ul className="reminder-list">
                  {g.items.map((f) => (
                    <li key={f.dueOn}>
                      {dueText(f.dueOn, f.overdue)}{' '}
                      <span className="muted">
                        {t('casework.caseload.lastAssessmentOn', { date: date(f.lastAssessment) })}
                      </span>
                    </li>
                  ))}
                </ul>
              ),
            }))}
          />
          <ReminderSection
            id="ohne-kontakt"
            title={t('casework.caseload.withoutContact', { count: data.counts.withoutContact, weeks })}
            empty={t('casework.caseload.withoutContactNone')}
            total={data.counts.withoutContact}
            listed={data.withoutContact.length}
            detail={t('casework.caseload.lastContact')}
            groups={byClient(data.withoutContact).map((g) => ({
              client: g.client,
              detail: g.items[0]?.lastContact ? date(g.items[0].lastContact) : t('casework.caseload.never'),
            }))}
          />
          <ReminderSection
            id="rueckmeldungen"
            title={t('casework.caseload.referrals', { count: data.counts.referralsAwaitingFeedback })}
            empty={t('casework.caseload.referralsNone')}
            total={data.counts.referralsAwaitingFeedback}
            listed={data.referralsAwaitingFeedback.length}
            detail={t('casework.caseload.referral')}
            groups={byClient(data.referralsAwaitingFeedback).map((g) => ({
              client: g.client,
              detail: (
                <ul className="reminder-list">
                  {g.items.map((r) => (
                    <li key={r.referralId}>
                      <span className="reminder-list__what">
                        {r.offerTitle || t('casework.caseload.offerHidden')}
                      </span>{' '}
                      <span className="due">
                        {t('casework.caseload.referredOnDate', { date: date(r.referredOn) })}
                      </span>
                    </li>
                  ))}
                </ul>
              ),
            }))}
          />
        </div>
      ) : null}
    </Page>
  );
}

/** What needs attention, counted in full (the sections list the most urgent), each a jump to its section. */
function Summary({ data, weeks }: { data: CaseloadView; weeks: number }) {
  const { t } = useTranslation();
  const c = data.counts;
  const items: { href: string; count: number; label: string; urgent: boolean }[] = [
    {
      href: '#ziele-faellig',
      count: c.goalsOverdue,
      label: t('casework.caseload.summary.goalsOverdue', { count: c.goalsOverdue }),
      urgent: c.goalsOverdue > 0,
    },
    {
      href: '#ziele-faellig',
      count: c.goalsDue - c.goalsOverdue,
      label: t('casework.caseload.summary.goalsSoon', {
        count: c.goalsDue - c.goalsOverdue,
        days: GOAL_DAYS,
      }),
      urgent: false,
    },
    {
      href: '#erhebungen-faellig',
      count: c.followUpsOverdue,
      label: t('casework.caseload.summary.followUpsOverdue', { count: c.followUpsOverdue }),
      urgent: c.followUpsOverdue > 0,
    },
    {
      href: '#erhebungen-faellig',
      count: c.followUpsDue - c.followUpsOverdue,
      label: t('casework.caseload.summary.followUpsSoon', {
        count: c.followUpsDue - c.followUpsOverdue,
        days: GOAL_DAYS,
      }),
      urgent: false,
    },
    {
      href: '#ohne-kontakt',
      count: c.withoutContact,
      label: t('casework.caseload.summary.withoutContact', { count: c.withoutContact, weeks }),
      urgent: false,
    },
    {
      href: '#rueckmeldungen',
      count: c.referralsAwaitingFeedback,
      label: t('casework.caseload.summary.referrals', { count: c.referralsAwaitingFeedback }),
      urgent: false,
    },
  ];
  return (
    <section className="caseload-summary" aria-labelledby="caseload-summary-heading">
      <h2 id="caseload-summary-heading" className="visually-hidden">
        {t('casework.caseload.summary.title')}
      </h2>
      <ul className="caseload-summary__list">
        {items.map((item) => (
          <li
            key={item.label}
            className={item.urgent ? 'caseload-summary__item is-urgent' : 'caseload-summary__item'}
          >
            <a href={item.href}>
              <span className="caseload-summary__count">{item.count}</span>{' '}
              <span className="caseload-summary__label">{item.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReminderSection({
  id,
  title,
  empty,
  total,
  listed,
  detail,
  groups,
}: {
  id: string;
  title: string;
  empty: string;
  /** All entries of the section; the server lists at most its limit, most urgent first. */
  total: number;
  listed: number;
  /** Heading of the column with the client's entries. */
  detail: string;
  groups: { client: ClientRef; detail: ReactNode }[];
}) {
  const { t } = useTranslation();
  const captionId = useId();
  const tableId = useId();
  const [all, setAll] = useState(false);
  const shown = all ? groups : groups.slice(0, FIRST_ROWS);
  return (
    <Section id={id} title={title}>
      {groups.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <>
          {total > listed ? (
            <p className="muted">{t('casework.caseload.mostUrgent', { listed, total })}</p>
          ) : null}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
          <section className="table-wrap" aria-labelledby={captionId} tabIndex={0}>
            <table className="table reminder-table" id={tableId}>
              <caption id={captionId} className="visually-hidden">
                {title}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('casework.client.name')}</th>
                  <th scope="col">{detail}</th>
                  <th scope="col">{t('casework.case.guide')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((g) => (
                  <tr key={g.client.id}>
                    <th scope="row">
                      <Link to={`/klienten/${g.client.id}`}>
                        {g.client.lastName}, {g.client.firstName}
                      </Link>
                    </th>
                    <td>{g.detail}</td>
                    <td>{g.client.guide?.displayName ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {groups.length > FIRST_ROWS ? (
            <div className="section-actions">
              <Button
                variant="secondary"
                size="sm"
                aria-expanded={all}
                aria-controls={tableId}
                onPress={() => setAll(!all)}
              >
                {all
                  ? t('casework.caseload.showFirst', { count: FIRST_ROWS })
                  : t('casework.caseload.showAll', { count: groups.length })}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Section>
  );
}
