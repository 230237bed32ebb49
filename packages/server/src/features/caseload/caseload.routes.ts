import { caseloadQuery, caseloadView } from '@lotse/domain';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import { caseload } from './caseload.service.ts';

export function caseloadRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/caseload',
    {
      config: { action: 'caseload.read' },
      schema: {
        tags: ['Fallarbeit'],
        summary:
          'Reminders: goals near their date, clients without contact for N weeks, referrals awaiting feedback',
        querystring: caseloadQuery,
        response: { 200: caseloadView },
      },
    },
    async (req) => caseload(ctx, actorOf(req), req.query),
  );
}
