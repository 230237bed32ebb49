import { agencyView, updateAgencySettings } from '@lotse/domain';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import * as agency from './agency.service.ts';

const tags = ['Behörde'];

export function agencyRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/agency',
    {
      config: { action: 'agency.read' },
      schema: { tags, summary: 'The own agency and its settings', response: { 200: agencyView } },
    },
    async (req) => agency.get(ctx, actorOf(req)),
  );

  app.patch(
    '/api/agency/settings',
    {
      config: { action: 'agency.configure' },
      schema: {
        tags,
        summary: 'Change agency settings (e.g. roles that must use 2FA)',
        body: updateAgencySettings,
        response: { 200: agencyView },
      },
    },
    async (req) => agency.updateSettings(ctx, actorOf(req), req.body),
  );
}
