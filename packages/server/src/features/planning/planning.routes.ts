import { planningQuery, planningResponse } from '@lotse/domain';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import * as planning from './planning.service.ts';

export function planningRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/planning/needs-vs-offers',
    {
      config: { action: 'planning.read' },
      schema: {
        tags: ['Angebotsplanung'],
        summary: 'Needs versus offers per district and dimension (counts below the threshold suppressed)',
        querystring: planningQuery,
        response: { 200: planningResponse },
      },
    },
    async (req) => planning.needsVsOffers(ctx, actorOf(req), req.query),
  );
}
