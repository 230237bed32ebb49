import { eventRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, sendFile, serve } from '../../platform/http.ts';
import * as events from './events.service.ts';
import * as feedTokens from './feed-tokens.service.ts';

const CALENDAR = 'text/calendar; charset=utf-8';
/** The calendar of all events, opened by a calendar app rather than saved. */
const FEED_FILE = { name: 'lotse-veranstaltungen.ics', type: CALENDAR, inline: true };

/** The host name used in iCalendar UIDs (stable per installation). */
const hostOf = (req: { hostname: string }) => req.hostname.replace(/:\d+$/, '') || 'lotse';

export function eventRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    list: async ({ query, actor }) => events.list(ctx, actor, query),
    create: async ({ body, actor }) => events.create(ctx, actor, body),
    calendar: async ({ actor, req, reply }) =>
      sendFile(reply, await events.feed(ctx, actor, hostOf(req)), FEED_FILE),
    feedToken: async ({ actor }) => feedTokens.status(ctx, actor),
    createFeedToken: async ({ actor }) => feedTokens.regenerate(ctx, actor),
    revokeFeedToken: async ({ actor }) => feedTokens.revoke(ctx, actor),
    feed: async ({ params, req, reply }) =>
      sendFile(
        reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer'),
        await feedTokens.feedByToken(ctx, params.token, hostOf(req)),
        FEED_FILE,
      ),
    downloadIcs: async ({ params, actor, req, reply }) => {
      const { code, ics } = await events.eventIcs(ctx, actor, params.id, hostOf(req));
      return sendFile(reply, ics, { name: `${code.replace(/[^A-Za-z0-9]+/g, '-')}.ics`, type: CALENDAR });
    },
    read: async ({ params, actor }) => events.get(ctx, actor, params.id),
    update: async ({ params, body, actor }) => events.update(ctx, actor, params.id, body),
    cancel: async ({ params, body, actor }) =>
      events.cancelEvent(ctx, actor, params.id, body?.reason ?? null),
    attendees: async ({ params, actor }) => events.attendees(ctx, actor, params.id),
    register: async ({ params, actor }) => events.register(ctx, actor, params.id),
    unregister: async ({ params, actor }) => events.cancelRegistration(ctx, actor, params.id),
  });
}
