import type { Queryable } from '../../platform/db.ts';
import { latestCompletedScores, openGoalDimensions } from './referrals.repo.ts';

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
