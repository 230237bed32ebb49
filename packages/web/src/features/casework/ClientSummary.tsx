import type { ClientView, ConsentView, GoalView, ProgressView, ReferralView } from '@lotse/domain';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, todayIso } from '../../app/dates.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { Button } from '../../ui/Button.tsx';
import { FactList } from '../../ui/FactList.tsx';
import { CaseStatusBadge } from './CaseStatusBadge.tsx';

/**
 * Moves to a section of the client record: focus on its heading (so screen readers announce it and the
 * next Tab continues there) and scroll it into view. The URL stays as it is; the record has one address.
 */
export function jumpToSection(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(`${id}-heading`) ?? document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'start' });
}

export interface SummaryData {
  goals?: GoalView[];
  consents?: ConsentView[];
  progress?: ProgressView;
  referrals?: ReferralView[];
}

const openReferralStatuses: ReadonlySet<ReferralView['status']> = new Set([
  'suggested',
  'referred',
  'started',
]);

/**
 * The head of the client record: the main actions first (a few Tab stops from the top of the page),
 * then the state of the case at a glance, each figure linking to its section. Built only from what
 * the record's sections load anyway, so it costs no extra request.
 */
export function ClientSummary({
  client,
  data,
  canWrite,
  onAddContact,
  onAddGoal,
}: {
  client: ClientView;
  data: SummaryData;
  canWrite: boolean;
  onAddContact: () => void;
  onAddGoal: () => void;
}) {
  const { t, locale } = useLanguage();
  const current = client.cases[0];
  const today = todayIso();
  const overdue = data.goals?.filter((g) => g.status === 'open' && g.targetDate < today).length;
  const openReferrals = data.referrals?.filter((r) => openReferralStatuses.has(r.status)).length;
  const activeConsents = data.consents?.filter((c) => c.active);
  const followUp = data.progress?.followUp;
  const pending = t('casework.summary.pending');

  const jump = (id: string, text: string, attention = false) => (
    <a
      href={`#${id}`}
      onClick={(e) => jumpToSection(e, id)}
      className={attention ? 'summary__alert' : undefined}
    >
      {text}
    </a>
  );

  return (
    <section className="card record-summary" id="ueberblick" aria-labelledby="ueberblick-heading">
      <h2 id="ueberblick-heading" className="visually-hidden">
        {t('casework.summary.title')}
      </h2>
      {canWrite ? (
        <div className="record-actions">
          <Link className="btn btn--primary" to={`/klienten/${client.id}/erhebung`}>
            {t('assessments.progress.new')}
          </Link>
          <Button variant="secondary" onPress={onAddContact}>
            {t('casework.contact.add')}
          </Button>
          <Button variant="secondary" onPress={onAddGoal}>
            {t('casework.goal.add')}
          </Button>
          {/* biome-ignore lint/a11y/useValidAnchor: a real fragment link to the offers section; the handler also moves focus there */}
          <a
            className="btn btn--secondary"
            href="#offer-suggestions"
            onClick={(e) => jumpToSection(e, 'offer-suggestions')}
          >
            {t('casework.summary.refer')}
          </a>
        </div>
      ) : null}
      <FactList
        className="summary-facts"
        facts={[
          { label: t('casework.case.guide'), value: current?.guide?.displayName ?? t('common.none') },
          {
            label: t('casework.summary.case'),
            value: current ? (
              <>
                <CaseStatusBadge status={current.status} />{' '}
                {current.status === 'open'
                  ? t('casework.summary.openSince', { date: formatDate(current.openedOn, locale) })
                  : t('casework.summary.closedOn', { date: formatDate(current.closedOn, locale) })}
              </>
            ) : (
              t('common.none')
            ),
          },
          {
            label: t('casework.summary.nextAssessment'),
            testId: 'summary-next-assessment',
            value: !followUp
              ? pending
              : followUp.dueOn
                ? jump(
                    'verlauf',
                    t(
                      followUp.due ? 'casework.summary.assessmentOverdue' : 'casework.summary.assessmentDue',
                      {
                        date: formatDate(followUp.dueOn, locale),
                      },
                    ),
                    followUp.due,
                  )
                : jump('verlauf', t('casework.summary.noAssessment')),
          },
          {
            label: t('casework.summary.overdueGoals'),
            testId: 'summary-overdue-goals',
            value:
              overdue === undefined
                ? pending
                : jump('ziele', t('casework.summary.goalCount', { count: overdue }), overdue > 0),
          },
          {
            label: t('casework.summary.openReferrals'),
            testId: 'summary-open-referrals',
            value:
              openReferrals === undefined
                ? pending
                : jump('referrals', t('casework.summary.referralCount', { count: openReferrals })),
          },
          {
            label: t('casework.summary.consents'),
            testId: 'summary-consents',
            value:
              activeConsents === undefined
                ? pending
                : jump(
                    'einwilligungen',
                    activeConsents.length === 0
                      ? t('casework.summary.noConsent')
                      : activeConsents
                          .map(
                            (c) =>
                              `${t(`casework.purpose.${c.purpose}`)}${c.partnerAgency ? ` (${c.partnerAgency.name})` : ''}`,
                          )
                          .join(', '),
                  ),
          },
        ]}
      />
    </section>
  );
}

/** The record's sections as an in-page menu: every section one activation away. */
export function SectionNav({ sections }: { sections: { id: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <nav className="record-nav" aria-label={t('casework.summary.sections')}>
      <ul className="link-row">
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`} onClick={(e) => jumpToSection(e, s.id)}>
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
