import { selfAssessmentRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, serve } from '../../platform/http.ts';
import * as selfAssessment from './self-assessment.service.ts';

/**
 * A guide creates a one-time link; the client fills in the self perspective on a public page. The
 * public routes are narrow: open (instrument and draft), save the draft, submit.
 */
export function selfAssessmentRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    createLink: async ({ params, body, actor }) => selfAssessment.createLink(ctx, actor, params.id, body),
    listLinks: async ({ params, actor }) => selfAssessment.listLinks(ctx, actor, params.id),
    revokeLink: async ({ params, actor }) => selfAssessment.revokeLink(ctx, actor, params.id),
    open: async ({ params }) => selfAssessment.open(ctx, params.token),
    saveDraft: async ({ params, body }) => selfAssessment.saveDraft(ctx, params.token, body.answers),
    submit: async ({ params, body }) => {
      await selfAssessment.submit(ctx, params.token, body.answers);
      return { submitted: true as const };
    },
  });
}
