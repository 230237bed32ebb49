import type { CaseloadView } from '@lotse/domain';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCan } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { errorText } from '../../app/errors.ts';
import { useEndpoint } from '../../app/useApi.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading, Page, Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import './casework.css';
import { formatDate } from '../../app/dates.ts';
import './caseload.css';
import { useLanguage } from '../../app/useLanguage.ts';

type ClientRef = CaseloadView['goalsDue'][number]['client'];

/** Client rows shown per section before "show all": the page stays about a screen or two long. */
const FIRST_ROWS = 8;
/** Days ahead that count as "near" for goals (the server's default). */
const GOAL_DAYS = 14;

/**
 * The reminder sections, by the list of the caseload they show: the section's anchor, and the texts
 * (`casework.caseload.*`) of its title (with the count), its empty state and its entries' column.
 */
const SECTIONS = {
  goalsDue: { id: 'ziele-faellig', title: 'goalsDue', empty: 'goalsDueNone', detail: 'goals' },
  followUpsDue: { id: 'erhebungen-faellig', title: 'followUps', empty: 'followUpsNone', detail: 'followUp' },
  withoutContact: {
    id: 'ohne-kontakt',
    title: 'withoutContact',
    empty: 'withoutContactNone',
    detail: 'lastContact',
  },
  referralsAwaitingFeedback: {
    id: 'rueckmeldungen',
    title: 'referrals',
    empty: 'referralsNone',
    detail: 'referral',
  },
} as const;
type ReminderList = keyof typeof SECTIONS;
type Entry<L extends ReminderList> = CaseloadView[L][number];

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
  const { t, locale } = useLanguage();
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
            data={data}
            list="goalsDue"
            weeks={weeks}
            detailOf={listOf(
              (goal) => goal.goalId,
              (goal) => (
                <>
                  <span className="reminder-list__what">{goal.title}</span>{' '}
                  {dueText(goal.targetDate, goal.overdue)}
                </>
              ),
            )}
          />
          <ReminderSection
            data={data}
            list="followUpsDue"
            weeks={weeks}
            detailOf={listOf(
              (f) => f.dueOn,
              (f) => (
                <>
                  {dueText(f.dueOn, f.overdue)}{' '}
                  <span className="muted">
                    {t('casework.caseload.lastAssessmentOn', { date: date(f.lastAssessment) })}
                  </span>
                </>
              ),
            )}
          />
          <ReminderSection
            data={data}
            list="withoutContact"
            weeks={weeks}
            detailOf={([entry]) =>
              entry?.lastContact ? date(entry.lastContact) : t('casework.caseload.never')
            }
          />
          <ReminderSection
            data={data}
            list="referralsAwaitingFeedback"
            weeks={weeks}
            detailOf={listOf(
              (r) => r.referralId,
              (r) => (
                <>
                  <span className="reminder-list__what">
                    {r.offerTitle || t('casework.caseload.offerHidden')}
                  </span>{' '}
                  <span className="due">
                    {t('casework.caseload.referredOnDate', { date: date(r.referredOn) })}
                  </span>
                </>
              ),
            )}
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
  const goalsSoon = c.goalsDue - c.goalsOverdue;
  const followUpsSoon = c.followUpsDue - c.followUpsOverdue;
  // Only the overdue figures call for attention; the rest is what comes up next.
  const figures: [section: string, count: number, key: string, overdue: boolean][] = [
    [SECTIONS.goalsDue.id, c.goalsOverdue, 'goalsOverdue', true],
    [SECTIONS.goalsDue.id, goalsSoon, 'goalsSoon', false],
    [SECTIONS.followUpsDue.id, c.followUpsOverdue, 'followUpsOverdue', true],
    [SECTIONS.followUpsDue.id, followUpsSoon, 'followUpsSoon', false],
    [SECTIONS.withoutContact.id, c.withoutContact, 'withoutContact', false],
    [SECTIONS.referralsAwaitingFeedback.id, c.referralsAwaitingFeedback, 'referrals', false],
  ];
  const items = figures.map(([section, count, key, overdue]) => ({
    href: `#${section}`,
    count,
    label: t(`casework.caseload.summary.${key}`, { count, days: GOAL_DAYS, weeks }),
    urgent: overdue && count > 0,
  }));
  return (
    <section className="caseload-summary" aria-labelledby="caseload-summary-heading">
      <h2 id="caseload-summary-heading" className="visually-hidden">
        {t('casework.caseload.summary.title')}
      </h2>
      <ul className="tile-list caseload-summary__list">
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

/** A reminder cell with all entries of one client, each on its own line. */
function listOf<T>(keyOf: (item: T) => string, render: (item: T) => ReactNode) {
  return (items: readonly T[]) => (
    <ul className="reminder-list">
      {items.map((item) => (
        <li key={keyOf(item)}>{render(item)}</li>
      ))}
    </ul>
  );
}

function ReminderSection<L extends ReminderList>({
  data,
  list,
  weeks,
  detailOf,
}: {
  data: CaseloadView;
  list: L;
  /** The weeks without contact that count (named in a title). */
  weeks: number;
  /** The cell with one client's entries. */
  detailOf: (items: Entry<L>[]) => ReactNode;
}) {
  const { t } = useTranslation();
  const { id, ...text } = SECTIONS[list];
  // The server lists at most its limit of entries, most urgent first; the count is of all.
  const entries = data[list] as readonly Entry<L>[];
  const total = data.counts[list];
  const title = t(`casework.caseload.${text.title}`, { count: total, weeks });
  const empty = t(`casework.caseload.${text.empty}`);
  const detail = t(`casework.caseload.${text.detail}`);
  const listed = entries.length;
  const groups = byClient(entries);
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
                    <td>{detailOf(g.items)}</td>
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
