import type { CaseloadView } from '@lotse/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useUser } from '../../app/auth.tsx';
import { errorText } from '../../app/errors.ts';
import { useApiQuery } from '../../app/useApi.ts';
import { localeOf } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Loading, Page, Section } from '../../ui/Page.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import '../clients/casework.css';
import { formatDate } from '../clients/casework.ts';

type ClientRef = CaseloadView['goalsDue'][number]['client'];

/** The guide's reminders: goals near their date, clients without contact, referrals awaiting feedback. */
export function CaseloadPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf[i18n.language === 'en' ? 'en' : 'de'];
  const user = useUser();
  const isLead = !!user?.roles.includes('lead');
  const [params, setParams] = useSearchParams();
  const weeks = Number(params.get('wochen')) || 6;
  const scope = isLead && params.get('ansicht') === 'meine' ? 'mine' : undefined;
  const caseload = useApiQuery<CaseloadView>('/api/caseload', { weeks, scope });
  const data = caseload.data;

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

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
          <ReminderTable
            id="ziele-faellig"
            title={t('casework.caseload.goalsDue', { count: data.goalsDue.length })}
            empty={t('casework.caseload.goalsDueNone')}
            columns={[
              t('casework.client.name'),
              t('casework.goal.goal'),
              t('casework.goal.targetDate'),
              t('casework.case.guide'),
            ]}
            rows={data.goalsDue.map((g) => ({
              key: g.goalId,
              client: g.client,
              cells: [g.title, formatDate(g.targetDate, locale), g.client.guide?.displayName ?? ''],
            }))}
          />
          <ReminderTable
            id="ohne-kontakt"
            title={t('casework.caseload.withoutContact', { count: data.withoutContact.length, weeks })}
            empty={t('casework.caseload.withoutContactNone')}
            columns={[
              t('casework.client.name'),
              t('casework.caseload.lastContact'),
              t('casework.case.guide'),
            ]}
            rows={data.withoutContact.map((w) => ({
              key: w.client.id,
              client: w.client,
              cells: [
                w.lastContact ? formatDate(w.lastContact, locale) : t('casework.caseload.never'),
                w.client.guide?.displayName ?? '',
              ],
            }))}
          />
          <ReminderTable
            id="erhebungen-faellig"
            title={t('casework.caseload.followUps', { count: data.followUpsDue.length })}
            empty={t('casework.caseload.followUpsNone')}
            columns={[
              t('casework.client.name'),
              t('casework.caseload.lastAssessment'),
              t('casework.caseload.dueOn'),
              t('casework.case.guide'),
            ]}
            rows={data.followUpsDue.map((f) => ({
              key: f.client.id,
              client: f.client,
              cells: [
                formatDate(f.lastAssessment, locale),
                formatDate(f.dueOn, locale),
                f.client.guide?.displayName ?? '',
              ],
            }))}
          />
          <ReminderTable
            id="rueckmeldungen"
            title={t('casework.caseload.referrals', { count: data.referralsAwaitingFeedback.length })}
            empty={t('casework.caseload.referralsNone')}
            columns={[t('casework.client.name'), t('casework.caseload.referredOn'), t('casework.case.guide')]}
            rows={data.referralsAwaitingFeedback.map((r) => ({
              key: `${r.client.id}-${r.referredOn}`,
              client: r.client,
              cells: [formatDate(r.referredOn, locale), r.client.guide?.displayName ?? ''],
            }))}
          />
        </div>
      ) : null}
    </Page>
  );
}

function ReminderTable({
  id,
  title,
  empty,
  columns,
  rows,
}: {
  id: string;
  title: string;
  empty: string;
  columns: string[];
  rows: { key: string; client: ClientRef; cells: string[] }[];
}) {
  const captionId = useId();
  return (
    <Section id={id} title={title}>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
        <section className="table-wrap" aria-labelledby={captionId} tabIndex={0}>
          <table className="table">
            <caption id={captionId} className="visually-hidden">
              {title}
            </caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">
                    <Link to={`/klienten/${r.client.id}`}>
                      {r.client.lastName}, {r.client.firstName}
                    </Link>
                  </th>
                  {r.cells.map((cell, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Section>
  );
}
