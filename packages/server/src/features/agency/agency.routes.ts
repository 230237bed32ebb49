import { agencyView, updateAgencySettings, uploadAgencyLogoRequest } from '@lotse/domain';
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

  app.get(
    '/api/agency/logo',
    {
      config: { action: 'agency.read' },
      schema: { tags, summary: 'The letterhead logo of the own agency (PNG or JPEG)' },
    },
    async (req, reply) => {
      const logo = await agency.logo(ctx, actorOf(req));
      return reply
        .type(logo.contentType)
        .header('cache-control', 'no-store')
        .header('content-disposition', 'inline')
        .send(logo.data);
    },
  );

  app.put(
    '/api/agency/logo',
    {
      config: { action: 'agency.configure' },
      schema: {
        tags,
        summary: 'Upload the letterhead logo printed on every PDF (PNG or JPEG, base64, at most 512 KB)',
        body: uploadAgencyLogoRequest,
        response: { 200: agencyView },
      },
    },
    async (req) => agency.uploadLogo(ctx, actorOf(req), req.body),
  );

  app.delete(
    '/api/agency/logo',
    {
      config: { action: 'agency.configure' },
      schema: { tags, summary: 'Remove the letterhead logo', response: { 200: agencyView } },
    },
    async (req) => agency.removeLogo(ctx, actorOf(req)),
  );
}
