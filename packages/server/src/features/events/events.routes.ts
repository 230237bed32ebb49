import {
  cancelEventRequest,
  cancelRegistrationView,
  createEventRequest,
  eventAttendeesView,
  eventQuery,
  eventView,
  feedTokenParams,
  feedTokenView,
  paged,
  registerRequest,
  registrationView,
  updateEventRequest,
} from '@lotse/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import * as events from './events.service.ts';
import * as feedTokens from './feed-tokens.service.ts';

const tags = ['Veranstaltungen'];
const idParams = z.object({ id: z.uuid() });
const CALENDAR = 'text/calendar; charset=utf-8';

/** The host name used in iCalendar UIDs (stable per installation). */
const hostOf = (req: { hostname: string }) => req.hostname.replace(/:\d+$/, '') || 'lotse';

export function eventRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/events',
    {
      config: { action: 'network.read' },
      schema: {
        tags,
        summary: 'Network events (round tables, working groups, expert dialogues, workshops, conferences)',
        querystring: eventQuery,
        response: { 200: paged(eventView) },
      },
    },
    async (req) => events.list(ctx, actorOf(req), req.query),
  );

  app.post(
    '/api/events',
    {
      config: { action: 'events.write' },
      schema: {
        tags,
        summary: 'Create a network event; the code ("V 26/014") is assigned unless given',
        body: createEventRequest,
        response: { 201: eventView },
      },
    },
    async (req, reply) => reply.status(201).send(await events.create(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/api/events.ics',
    {
      config: { action: 'network.read' },
      schema: { tags, summary: 'iCalendar feed of the network events (last 180 days and upcoming)' },
    },
    async (req, reply) =>
      reply
        .type(CALENDAR)
        .header('content-disposition', 'inline; filename="lotse-veranstaltungen.ics"')
        .send(await events.feed(ctx, actorOf(req), hostOf(req))),
  );

  app.get(
    '/api/events/feed-token',
    {
      config: { action: 'network.read' },
      schema: {
        tags,
        summary: 'Whether the signed-in user has a personal calendar feed link',
        response: { 200: feedTokenView },
      },
    },
    async (req) => feedTokens.status(ctx, actorOf(req)),
  );

  app.post(
    '/api/events/feed-token',
    {
      config: { action: 'network.read' },
      schema: {
        tags,
        summary:
          'Create the personal calendar feed link (replaces an earlier one); the secret path is shown only here',
        response: { 201: feedTokenView },
      },
    },
    async (req, reply) => reply.status(201).send(await feedTokens.regenerate(ctx, actorOf(req))),
  );

  app.delete(
    '/api/events/feed-token',
    {
      config: { action: 'network.read' },
      schema: { tags, summary: 'Revoke the personal calendar feed link', response: { 200: feedTokenView } },
    },
    async (req) => feedTokens.revoke(ctx, actorOf(req)),
  );

  app.get(
    '/api/events/feed/:token.ics',
    {
      config: { public: true, secretParams: ['token'] },
      schema: {
        tags,
        summary: 'iCalendar feed behind a personal secret link (for calendar apps, no session needed)',
        params: feedTokenParams,
      },
    },
    async (req, reply) =>
      reply
        .type(CALENDAR)
        .header('content-disposition', 'inline; filename="lotse-veranstaltungen.ics"')
        .header('cache-control', 'private, no-store')
        .header('referrer-policy', 'no-referrer')
        .send(await feedTokens.feedByToken(ctx, req.params.token, hostOf(req))),
  );

  app.get(
    '/api/events/:id.ics',
    {
      config: { action: 'network.read' },
      schema: { tags, summary: 'One event as iCalendar file', params: idParams },
    },
    async (req, reply) => {
      const { code, ics } = await events.eventIcs(ctx, actorOf(req), req.params.id, hostOf(req));
      return reply
        .type(CALENDAR)
        .header('content-disposition', `attachment; filename="${code.replace(/[^A-Za-z0-9]+/g, '-')}.ics"`)
        .send(ics);
    },
  );

  app.get(
    '/api/events/:id',
    {
      config: { action: 'network.read' },
      schema: { tags, summary: 'One network event', params: idParams, response: { 200: eventView } },
    },
    async (req) => events.get(ctx, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/events/:id',
    {
      config: { action: 'events.write' },
      schema: {
        tags,
        summary:
          'Change an event of the own agency (times as instants or as wall-clock time of the agency); registered people are notified of a new time or place',
        params: idParams,
        body: updateEventRequest,
        response: { 200: eventView },
      },
    },
    async (req) => events.update(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/events/:id/cancel',
    {
      config: { action: 'events.write' },
      schema: {
        tags,
        summary: 'Cancel an event of the own agency; everyone registered or waiting is notified in the app',
        params: idParams,
        body: cancelEventRequest,
        response: { 200: eventView.extend({ notified: z.number().int() }) },
      },
    },
    async (req) => events.cancelEvent(ctx, actorOf(req), req.params.id, req.body?.reason ?? null),
  );

  app.get(
    '/api/events/:id/attendees',
    {
      config: { action: 'events.write' },
      schema: {
        tags,
        summary: 'Attendee and waiting list of an event of the own agency (staff of all agencies)',
        params: idParams,
        response: { 200: eventAttendeesView },
      },
    },
    async (req) => events.attendees(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/events/:id/registrations',
    {
      config: { action: 'events.register' },
      schema: {
        tags,
        summary: 'Register the signed-in staff member (waiting list when full)',
        params: idParams,
        body: registerRequest,
        response: { 201: registrationView },
      },
    },
    async (req, reply) => reply.status(201).send(await events.register(ctx, actorOf(req), req.params.id)),
  );

  app.delete(
    '/api/events/:id/registrations',
    {
      config: { action: 'events.register' },
      schema: {
        tags,
        summary:
          "Cancel the signed-in staff member's registration; a freed place goes to the first of the waiting list",
        params: idParams,
        response: { 200: cancelRegistrationView },
      },
    },
    async (req) => events.cancelRegistration(ctx, actorOf(req), req.params.id),
  );
}
