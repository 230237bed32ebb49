import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { letterheadOf } from '../agency/letterhead.ts';
import { agencyNames } from '../cases/cases.service.ts';
import { readClient } from '../clients/access.ts';
import { clientView } from '../clients/clients.service.ts';
import { goalsOfClient } from '../goals/goals.service.ts';
import { renderPdf } from '../instruments/pdf.ts';
import { consentFormDocument, goalAgreementDocument } from './client-pdfs.ts';
import { dimensionTitles } from './client-records.repo.ts';
import { winAnsiDocument } from './pdf-text.ts';

/** The printable consent form with the client's name, in German or easy language. */
export function consentForm(ctx: AppContext, actor: Actor, clientId: string, language: 'de' | 'de-LS') {
  return withActor(ctx, actor, (scope) =>
    readClient(scope, { action: 'consents.write', audit: 'consents.form' }, clientId, async (client) => {
      const agency = (await agencyNames(scope.tx, actor.agencyId)).get(client.agency_id) ?? '';
      const pdf = await renderPdf(
        winAnsiDocument(consentFormDocument(await clientView(scope, client), agency, language)),
        await letterheadOf(scope.tx, actor.agencyId),
      );
      return { value: pdf, details: { language } };
    }),
  );
}

/** The goal agreement (open goals, steps, target dates) for the client to keep. */
export function goalAgreement(ctx: AppContext, actor: Actor, clientId: string) {
  return withActor(ctx, actor, (scope) =>
    readClient(scope, { action: 'goals.read', audit: 'goals.print' }, clientId, async (client) => {
      const goals = await goalsOfClient(scope, clientId);
      const titleOf = new Map((await dimensionTitles(scope.tx)).map((r) => [r.key, r.title]));
      const pdf = await renderPdf(
        winAnsiDocument(
          goalAgreementDocument(await clientView(scope, client), goals, (key) => titleOf.get(key) ?? key),
        ),
        await letterheadOf(scope.tx, actor.agencyId),
      );
      return { value: pdf };
    }),
  );
}
