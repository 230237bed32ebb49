import type { ClientView, ConsentView, ContactView, GoalView } from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { loadClientFor } from '../clients/client-access.ts';
import { clientView } from '../clients/clients.service.ts';
import * as consents from '../consents/consents.service.ts';
import { contactsOfClient } from '../contacts/contacts.service.ts';
import { goalsOfClient } from '../goals/goals.service.ts';

/** Everything Lotse holds about one client (GDPR Art. 15): master data, consents, cases, goals, contacts. */
export interface ClientRecord {
  exportedAt: string;
  client: ClientView;
  consents: ConsentView[];
  goals: GoalView[];
  contacts: ContactView[];
}

export function exportRecord(ctx: AppContext, actor: Actor, clientId: string, format: 'json' | 'pdf') {
  return withActor(ctx, actor, async (scope) => {
    const client = await loadClientFor(scope, clientId, 'clients.export');
    const record: ClientRecord = {
      exportedAt: scope.now.toISOString(),
      client: await clientView(scope, client),
      consents: await consents.consentsOfClient(scope, clientId),
      goals: await goalsOfClient(scope, clientId),
      contacts: (await contactsOfClient(scope, clientId)).items,
    };
    await scope.audit({
      action: 'clients.export',
      resourceType: 'client',
      resourceId: clientId,
      clientId,
      details: { format },
    });
    return record;
  });
}
