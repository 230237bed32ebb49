import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import {
  createJsonSchemaTransformObject,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { agencyRoutes } from './features/agency/agency.routes.ts';
import { assessmentRoutes } from './features/assessments/assessments.routes.ts';
import { auditRoutes } from './features/audit/audit.routes.ts';
import { authRoutes } from './features/auth/auth.routes.ts';
import { authenticate } from './features/auth/auth.service.ts';
import { SESSION_COOKIE } from './features/auth/sessions.ts';
import { caseloadRoutes } from './features/caseload/caseload.routes.ts';
import { caseRoutes } from './features/cases/cases.routes.ts';
import { clientImportRoutes } from './features/client-imports/client-imports.routes.ts';
import { clientRecordRoutes } from './features/client-records/client-records.routes.ts';
import { clientRoutes } from './features/clients/clients.routes.ts';
import { consentRoutes } from './features/consents/consents.routes.ts';
import { contactRoutes } from './features/contacts/contacts.routes.ts';
import { districtRoutes } from './features/districts/districts.routes.ts';
import { evaluationRoutes } from './features/evaluation/evaluation.routes.ts';
import { eventRoutes } from './features/events/events.routes.ts';
import { goalRoutes } from './features/goals/goals.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { instrumentRoutes } from './features/instruments/instruments.routes.ts';
import { notificationRoutes } from './features/notifications/notifications.routes.ts';
import { offerRoutes } from './features/offers/offers.routes.ts';
import { partnerRoutes } from './features/partners/partners.routes.ts';
import { planningRoutes } from './features/planning/planning.routes.ts';
import { programmeRoutes } from './features/programmes/programmes.routes.ts';
import { publicationRoutes } from './features/publications/publications.routes.ts';
import { referralFeedbackRoutes } from './features/referrals/referral-feedback.routes.ts';
import { referralRoutes } from './features/referrals/referrals.routes.ts';
import { researchRoutes } from './features/research/research.routes.ts';
import { selfAssessmentRoutes } from './features/self-assessment/self-assessment.routes.ts';
import { userRoutes } from './features/users/users.routes.ts';
import { type ApiRoute, installAuth } from './platform/auth-hook.ts';
import type { AppContext } from './platform/context.ts';
import { continueWithinBodyLimit } from './platform/expect-continue.ts';
import type { App } from './platform/http.ts';
import { errorHandler } from './platform/http-errors.ts';
import { languageOf, localize } from './platform/i18n/messages.ts';
import { rejectNulBytes } from './platform/input-guard.ts';
import { requireDeclaredSecrets } from './platform/logger.ts';

/** Every feature's routes; the order is the order of the API documentation. */
const features = [
  healthRoutes,
  authRoutes,
  agencyRoutes,
  districtRoutes,
  userRoutes,
  auditRoutes,
  // Case work
  clientRoutes,
  caseRoutes,
  consentRoutes,
  goalRoutes,
  contactRoutes,
  caseloadRoutes,
  clientRecordRoutes,
  clientImportRoutes,
  // Instruments and assessments
  instrumentRoutes,
  assessmentRoutes,
  selfAssessmentRoutes,
  // Offers and network
  partnerRoutes,
  offerRoutes,
  referralRoutes,
  referralFeedbackRoutes,
  planningRoutes,
  eventRoutes,
  notificationRoutes,
  publicationRoutes,
  programmeRoutes,
  // Evaluation
  evaluationRoutes,
  researchRoutes,
];

export interface LotseApp {
  app: App;
  /** Every API route with the action it declares, for the route x role test and the docs. */
  routes: ApiRoute[];
}

export async function buildApp(ctx: AppContext): Promise<LotseApp> {
  const app = Fastify({
    loggerInstance: ctx.log,
    bodyLimit: ctx.config.bodyLimit,
    // Forwarded headers count only when the connection comes from a configured proxy address.
    trustProxy: ctx.config.trustedProxies.length > 0 ? ctx.config.trustedProxies : false,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // FHIR clients send resources as application/fhir+json: the same JSON parser, same limits.
  app.addContentTypeParser(
    'application/fhir+json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );
  app.addHook('onRoute', requireDeclaredSecrets);
  app.addHook('preValidation', rejectNulBytes);
  continueWithinBodyLimit(app);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // react-aria positions overlays with style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: ctx.config.session.secureCookies,
  });
  // API answers may carry personal data: no browser or proxy cache keeps a copy. A route that serves
  // something public and cacheable says so with its own Cache-Control header.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lotse API',
        version: '0.1.0',
        description:
          'Soziale Teilhabe: Erhebungsbögen, Fallarbeit, Angebote, Programme. Authentication by session cookie (POST /api/auth/login).',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lotse_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: createJsonSchemaTransformObject({}),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const routes = installAuth(app, ctx, (req) => authenticate(ctx, req.cookies[SESSION_COOKIE]));
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  for (const register of features) register(app, ctx);

  await serveWebApp(app, ctx.config.webDist);
  return { app, routes };
}

/** Pages of the web app opened through a one-time link; the token in their path is a secret. */
const linkPages = ['/einladung/:token', '/selbsteinschaetzung/:token', '/rueckmeldung/:token'];

/** The built web app at `/`; unknown non-API paths get index.html so the client router decides. */
async function serveWebApp(app: App, dist: string) {
  const hasWeb = existsSync(`${dist}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: dist, wildcard: false, index: ['index.html'] });
  const notFound = (req: FastifyRequest, reply: FastifyReply) =>
    reply.status(404).send({
      error: {
        code: 'not_found',
        message: localize('Nicht gefunden.', languageOf(req.headers['accept-language'])),
      },
    });
  for (const page of linkPages) {
    app.get(
      page,
      { config: { access: 'public', secretParams: ['token'] }, schema: { hide: true } },
      (req, reply) => (hasWeb ? reply.type('text/html').sendFile('index.html') : notFound(req, reply)),
    );
  }
  // Browsers ask for /favicon.ico on pages without HTML of their own, such as a PDF opened in the tab
  // (progress PDF, blank forms): answer with the app's icon rather than a 404 in the console.
  app.get('/favicon.ico', { config: { access: 'public' }, schema: { hide: true } }, (req, reply) =>
    hasWeb && existsSync(`${dist}/favicon.svg`)
      ? reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').sendFile('favicon.svg')
      : notFound(req, reply),
  );
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (hasWeb && req.method === 'GET' && !path.startsWith('/api') && !/\.[a-z0-9]+$/i.test(path)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return notFound(req, reply);
  });
}
