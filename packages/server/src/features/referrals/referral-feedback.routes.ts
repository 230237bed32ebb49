import { referralFeedbackRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, serve } from '../../platform/http.ts';
import * as feedback from './referral-feedback.service.ts';

/**
 * Feedback on a referral: staff enter it, or a guide hands the partner a one-time link to a public page
 * that shows only the first name with the surname initial, the offer and the date.
 */
export function referralFeedbackRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    record: async ({ params, body, actor }) => feedback.recordByStaff(ctx, actor, params.id, body),
    createLink: async ({ params, actor }) => feedback.createLink(ctx, actor, params.id),
    listLinks: async ({ params, actor }) => feedback.listLinks(ctx, actor, params.id),
    revokeLink: async ({ params, actor }) => feedback.revokeLink(ctx, actor, params.id),
    open: async ({ params }) => feedback.open(ctx, params.token),
    submit: async ({ params, body, reply }) => {
      await feedback.submit(ctx, params.token, body);
      return reply.status(201).send({ recorded: true });
    },
  });
}
