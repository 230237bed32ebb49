import { eventRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as events from './events.service.ts';
import * as feedTokens from './feed-tokens.service.ts';

const CALENDAR = 'text/calendar; charset=utf-8';

/** The host name used in iCalendar UIDs (stable per installation). */
const hostOf = (req: { hostname: string }) => req.hostname.replace(/:\d+$/, '') || 'lotse';

export function eventRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.list),
    config: { action: 'network.read' },
    handler: async (req) => events.list(ctx, actorOf(req), req.query),
  });

  app.route({
    ...declared(routes.create),
    config: { action: 'events.write' },
    handler: async (req, reply) => reply.status(201).send(await events.create(ctx, actorOf(req), req.body)),
  });

  app.route({
    ...declared(routes.calendar),
    config: { action: 'network.read' },
    handler: async (req, reply) =>
      reply
        .type(CALENDAR)
        .header('content-disposition', 'inline; filename="lotse-veranstaltungen.ics"')
        .send(await events.feed(ctx, actorOf(req), hostOf(req))),
  });

  app.route({
    ...declared(routes.feedToken),
    config: { action: 'network.read' },
    handler: async (req) => feedTokens.status(ctx, actorOf(req)),
  });

  app.route({
    ...declared(routes.createFeedToken),
    config: { action: 'network.read' },
    handler: async (req, reply) => reply.status(201).send(await feedTokens.regenerate(ctx, actorOf(req))),
  });

  app.route({
    ...declared(routes.revokeFeedToken),
    config: { action: 'network.read' },
    handler: async (req) => feedTokens.revoke(ctx, actorOf(req)),
  });

  app.route({
    ...declared(routes.feed),
    config: { public: true, secretParams: ['token'] },
    handler: async (req, reply) =>
      reply
        .type(CALENDAR)
        .header('content-disposition', 'inline; filename="lotse-veranstaltungen.ics"')
        .header('cache-control', 'private, no-store')
        .header('referrer-policy', 'no-referrer')
        .send(await feedTokens.feedByToken(ctx, req.params.token, hostOf(req))),
  });

  app.route({
    ...declared(routes.downloadIcs),
    config: { action: 'network.read' },
    handler: async (req, reply) => {
      const { code, ics } = await events.eventIcs(ctx, actorOf(req), req.params.id, hostOf(req));
      return reply
        .type(CALENDAR)
        .header('content-disposition', `attachment; filename="${code.replace(/[^A-Za-z0-9]+/g, '-')}.ics"`)
        .send(ics);
    },
  });

  app.route({
    ...declared(routes.read),
    config: { action: 'network.read' },
    handler: async (req) => events.get(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.update),
    config: { action: 'events.write' },
    handler: async (req) => events.update(ctx, actorOf(req), req.params.id, req.body),
  });

  app.route({
    ...declared(routes.cancel),
    config: { action: 'events.write' },
    handler: async (req) => events.cancelEvent(ctx, actorOf(req), req.params.id, req.body?.reason ?? null),
  });

  app.route({
    ...declared(routes.attendees),
    config: { action: 'events.write' },
    handler: async (req) => events.attendees(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.register),
    config: { action: 'events.register' },
    handler: async (req, reply) =>
      reply.status(201).send(await events.register(ctx, actorOf(req), req.params.id)),
  });

  app.route({
    ...declared(routes.unregister),
    config: { action: 'events.register' },
    handler: async (req) => events.cancelRegistration(ctx, actorOf(req), req.params.id),
  });
}
