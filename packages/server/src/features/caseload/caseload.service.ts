import type { CaseloadQuery, CaseloadView } from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { authorize, isAllowed } from '../../platform/policy.ts';
import { addDays, today } from '../clients/date-rules.ts';
import { type ClientRefRow, caseloadOf } from './caseload.repo.ts';

const clientRef = (r: ClientRefRow) => ({
  id: r.client_id,
  clientNumber: r.client_number,
  firstName: r.first_name,
  lastName: r.last_name,
  guide: r.guide_id ? { id: r.guide_id, displayName: r.guide_name ?? '' } : null,
});

/** Reminders for a guide or a team: what needs attention now. Shown in the app, no e-mail needed. */
export function caseload(ctx: AppContext, actor: Actor, q: CaseloadQuery): Promise<CaseloadView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'caseload.read');
    const team = isAllowed(actor, 'caseload.team') && q.scope !== 'mine';
    const t = today(scope.now);
    const row = await caseloadOf(scope.tx, {
      agencyId: actor.agencyId,
      userId: actor.userId,
      team,
      goalsDueUntil: addDays(t, q.days),
      silentSince: addDays(t, -7 * q.weeks),
      followUpsDueUntil: addDays(t, q.days),
      today: t,
    });
    const { goals, silent, follow_ups: followUps, referrals } = row;
    // The ids of every client named in the reminders, so each client's trail shows the list read.
    const shown = [...goals.items, ...silent.items, ...followUps.items, ...referrals.items].map(
      (r) => r.client_id,
    );
    await scope.audit({
      action: 'caseload.read',
      resourceType: 'caseload',
      details: {
        scope: team ? 'team' : 'mine',
        openCases: row.open_cases,
        clientIds: [...new Set(shown)],
      },
    });
    return {
      scope: team ? 'team' : 'mine',
      openCases: row.open_cases,
      today: t,
      counts: {
        goalsDue: goals.total,
        goalsOverdue: goals.overdue,
        withoutContact: silent.total,
        followUpsDue: followUps.total,
        followUpsOverdue: followUps.overdue,
        referralsAwaitingFeedback: referrals.total,
      },
      goalsDue: goals.items.map((r) => ({
        goalId: r.goal_id,
        title: r.title,
        targetDate: r.target_date,
        overdue: r.target_date < t,
        client: clientRef(r),
      })),
      withoutContact: silent.items.map((r) => ({ client: clientRef(r), lastContact: r.last_contact })),
      followUpsDue: followUps.items.map((r) => ({
        client: clientRef(r),
        lastAssessment: r.last_assessment,
        dueOn: r.due_on,
        overdue: r.due_on < t,
      })),
      referralsAwaitingFeedback: referrals.items.map((r) => ({
        client: clientRef(r),
        referredOn: r.referred_on,
        referralId: r.referral_id,
        offerTitle: r.offer_title,
      })),
    };
  });
}
