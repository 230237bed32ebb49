import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { letterheadOf } from '../agency/letterhead.ts';
import { agencyNames } from '../cases/cases.service.ts';
import { requireClient } from '../clients/access.ts';
import { clientView } from '../clients/clients.service.ts';
import { goalsOfClient } from '../goals/goals.service.ts';
import { renderPdf } from '../instruments/pdf.ts';
import { consentFormDocument, goalAgreementDocument } from './client-pdfs.ts';
import { winAnsiDocument } from './pdf-text.ts';

/** The printable consent form with the client's name, in German or easy language. */
export function consentForm(ctx: AppContext, actor: Actor, clientId: string, language: 'de' | 'de-LS') {
  return withActor(ctx, actor, async (scope) => {
    const client = await requireClient(scope, 'consents.write', clientId);
    const agency = (await agencyNames(scope.tx, actor.agencyId)).get(client.agency_id) ?? '';
    await scope.audit({
      action: 'consents.form',
      resourceType: 'client',
      resourceId: clientId,
      clientId,
      details: { language },
    });
    return renderPdf(
      winAnsiDocument(consentFormDocument(await clientView(scope, client), agency, language)),
      await letterheadOf(scope.tx, actor.agencyId),
    );
  });
}

/** The goal agreement (open goals, steps, target dates) for the client to keep. */
export function goalAgreement(ctx: AppContext, actor: Actor, clientId: string) {
  return withActor(ctx, actor, async (scope) => {
    const client = await requireClient(scope, 'goals.read', clientId);
    const goals = await goalsOfClient(scope, clientId);
    const titles = await scope.tx.query<{ key: string; title: string }>(
      `SELECT DISTINCT ON (d->>'key') d->>'key' AS key, d->'title'->>'de' AS title
         FROM instruments i, jsonb_array_elements(i.definition->'dimensions') AS d
        WHERE i.status = 'published'`,
    );
    const titleOf = new Map(titles.rows.map((r) => [r.key, r.title]));
    await scope.audit({ action: 'goals.print', resourceType: 'client', resourceId: clientId, clientId });
    return renderPdf(
      winAnsiDocument(
        goalAgreementDocument(await clientView(scope, client), goals, (key) => titleOf.get(key) ?? key),
      ),
      await letterheadOf(scope.tx, actor.agencyId),
    );
  });
}
