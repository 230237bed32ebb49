import type { ActorScope } from '../../platform/context.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { type Action, authorize } from '../../platform/policy.ts';
import { findProgramme, type ProgrammeRow } from './programmes.repo.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one access check for programmes: the role must allow the action (403), and the actor's agency
 * must take part in the programme - otherwise 404, exactly like a missing programme.
 * With `manage`, the agency must be the owner or a partner with equal rights (404 for participants,
 * who must not learn more than they see).
 */
export async function loadProgrammeFor(
  scope: ActorScope,
  programmeId: string,
  action: Action,
  options: { manage?: boolean } = {},
): Promise<ProgrammeRow> {
  authorize(scope.actor, action);
  if (!UUID.test(programmeId)) throw notFound('Programm nicht gefunden.');
  const programme = await findProgramme(scope.tx, scope.actor.agencyId, programmeId);
  if (!programme) throw notFound('Programm nicht gefunden.');
  if (options.manage && programme.my_role === 'participant') throw notFound('Programm nicht gefunden.');
  return programme;
}

export const isManager = (p: Pick<ProgrammeRow, 'my_role'>) => p.my_role !== 'participant';

/** A date of the programme's work (an entry, an expenditure) must lie within its runtime. */
export function assertWithinProgramme(
  programme: Pick<ProgrammeRow, 'starts_on' | 'ends_on'>,
  date: string,
  path: string,
) {
  if (date < programme.starts_on || date > programme.ends_on) {
    const message = `Das Datum liegt außerhalb der Laufzeit des Programms (${programme.starts_on} bis ${programme.ends_on}).`;
    throw badRequest(message, [{ path, message }]);
  }
}
