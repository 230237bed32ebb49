import type { Queryable } from '../../platform/db.ts';
import { latestCompletedScores, openGoalDimensions } from './referrals.repo.ts';

/**
 * (client_id, dimension, assessed_on) of the dimensions flagged with need in each client's latest
 * completed assessment (either perspective). Row-level security limits it to visible clients.
 */
export const ASSESSED_NEEDS_SQL = `
  SELECT la.client_id, s->>'dimension' AS dimension, la.assessed_on
    FROM (SELECT DISTINCT ON (a.client_id) a.client_id, a.scores, a.assessed_on
            FROM assessments a
           WHERE a.status = 'completed'
           ORDER BY a.client_id, a.assessed_on DESC, a.completed_at DESC) la,
         jsonb_array_elements(la.scores) AS s
   WHERE s->>'need' = 'true'`;

export interface ClientNeeds {
  /** Dimension keys with need. */
  needs: string[];
  /** Date of the assessment the needs come from (null: none completed yet). */
  assessmentDate: string | null;
}

/**
 * The dimensions a client needs support in: those flagged with need in the latest completed
 * assessment, plus the dimensions of open goals (agreed with the client, so they count as well).
 */
export async function clientNeeds(tx: Queryable, clientId: string): Promise<ClientNeeds> {
  const assessed = await latestCompletedScores(tx, clientId);
  const goals = await openGoalDimensions(tx, clientId);
  const fromAssessment = (assessed?.scores ?? []).filter((s) => s.need === true).map((s) => s.dimension);
  return {
    needs: [...new Set([...fromAssessment, ...goals])],
    assessmentDate: assessed?.assessed_on ?? null,
  };
}
