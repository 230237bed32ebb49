import type { FastifyRequest } from 'fastify';
import { appendAudit } from './audit.ts';
import { type AppContext, withSystem } from './context.ts';
import { AppError, forbidden, unauthenticated } from './errors.ts';
import type { App, AuthenticatedSession } from './http.ts';
import { type Action, actions, isAllowed } from './policy.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Deny by default: every /api route must declare its access (a known action, or public), otherwise
 * the app refuses to start. Then, per request: cross-site check, session, second factor, role.
 */
export interface ApiRoute {
  method: string;
  url: string;
  action: Action | undefined;
  public: boolean;
}

/** What the session lookup found for a request (the auth feature reads the session cookie). */
export type Authentication =
  | { status: 'valid'; session: AuthenticatedSession }
  | { status: 'expired' | 'none' };

/**
 * The session lookup is passed in by the app, not imported: the platform sits below the features
 * and must not know the auth feature that owns sessions.
 */
export type Authenticate = (req: FastifyRequest) => Promise<Authentication>;

export function installAuth(app: App, ctx: AppContext, authenticate: Authenticate): ApiRoute[] {
  const routes: ApiRoute[] = [];
  app.decorateRequest('session', undefined);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    if (isDocsRoute(route.url)) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access`);
    if (access !== 'public' && !actions.includes(access)) {
      throw new Error(`Route ${route.method} ${route.url} declares an unknown action: ${access}`);
    }
    const action = access === 'public' ? undefined : access;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, action, public: access === 'public' });
    }
  });

  app.addHook('onRequest', async (req) => {
    if (!SAFE_METHODS.has(req.method)) assertSameOrigin(req);
  });

  app.addHook('preValidation', async (req) => {
    const config = req.routeOptions.config;
    if (!req.routeOptions.url?.startsWith('/api')) return;
    const access = config?.access;
    if (access === 'public' || isDocsRoute(req.routeOptions.url)) return;
    const result = await authenticate(req);
    if (result.status !== 'valid') {
      throw result.status === 'expired'
        ? unauthenticated('Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.')
        : unauthenticated();
    }
    const session = result.session;
    if (session.mfa !== 'ok' && !config.mfaPending) {
      throw new AppError(401, 'mfa_required', 'Bitte schließen Sie zuerst die Zwei-Faktor-Anmeldung ab.');
    }
    // Registration guarantees an action here; a missing one is refused all the same.
    if (!access || !isAllowed(session.actor, access)) {
      await withSystem(ctx, (tx, now) =>
        appendAudit(
          tx,
          {
            action: access ?? 'unknown',
            outcome: 'denied',
            agencyId: session.actor.agencyId,
            actorUserId: session.actor.userId,
            details: { route: `${req.method} ${req.routeOptions.url}` },
          },
          now,
        ),
      );
      throw forbidden();
    }
    req.session = session;
  });
  return routes;
}

/** The API documentation (registered by @fastify/swagger-ui) is public like the OpenAPI document. */
const isDocsRoute = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

/** Browsers send Origin on cross-site writes; a foreign Origin never gets to act with our cookie. */
function assertSameOrigin(req: FastifyRequest) {
  const origin = req.headers.origin;
  if (origin) {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw forbidden('Ungültige Herkunft der Anfrage.');
    }
    if (host !== req.headers.host) throw forbidden('Anfragen von fremden Seiten sind nicht erlaubt.');
  } else if (req.headers['sec-fetch-site'] === 'cross-site') {
    throw forbidden('Anfragen von fremden Seiten sind nicht erlaubt.');
  }
}
