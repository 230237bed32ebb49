import { defineRoutes } from '@lotse/domain/routes';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Authenticate, installAuth } from './auth-hook.ts';
import type { AppContext } from './context.ts';
import { type App, sendFile, serve } from './http.ts';

const item = z.object({ id: z.uuid(), name: z.string() });
const ID = '7a1f6a52-9a1c-4c1e-9a55-3a4c1b2d3e4f';

const endpoints = {
  read: { method: 'GET', path: '/api/items/:id' },
  create: { method: 'POST', path: '/api/items' },
  remove: { method: 'POST', path: '/api/items/:id/remove' },
  download: { method: 'GET', path: '/api/items/:id/file' },
  whoami: { method: 'GET', path: '/api/whoami' },
  upload: { method: 'POST', path: '/api/items/upload' },
} as const;

const routes = defineRoutes(
  endpoints,
  { tags: ['Test'] },
  {
    read: { access: 'network.read', summary: 'One item', response: { 200: item } },
    create: {
      access: 'network.write',
      summary: 'Add an item',
      body: z.object({ name: z.string() }),
      response: { 201: item },
    },
    remove: { access: 'network.write', summary: 'Remove an item' },
    download: { access: 'public', secretParams: ['id'], summary: 'The item as a file' },
    whoami: { access: 'public', mfaPending: true, summary: 'Who asks' },
    upload: {
      access: 'network.import',
      bodyLimit: 64,
      summary: 'Upload',
      body: z.object({ data: z.string() }),
    },
  },
);

let app: App | undefined;
afterEach(() => app?.close());

function testApp(): App {
  const created: App = Fastify({
    loggerInstance: pino({ level: 'silent' }),
  }).withTypeProvider<ZodTypeProvider>();
  created.setValidatorCompiler(validatorCompiler);
  created.setSerializerCompiler(serializerCompiler);
  app = created;
  return created;
}

function serveItems(target: App) {
  serve(target, routes, {
    read: async ({ params }) => ({ id: params.id, name: 'Bank' }),
    create: async ({ body }) => ({ id: ID, name: body.name }),
    remove: async () => undefined,
    download: async ({ params, reply }) =>
      sendFile(reply, `file ${params.id}`, { name: 'item.txt', type: 'text/plain' }),
    whoami: async ({ actor }) => actor,
    upload: async ({ body }) => ({ length: body.data.length }),
  });
}

describe('serve', () => {
  it('answers 200 with the handler result, 201 when the route declares only 201, 204 when nothing is declared', async () => {
    const target = testApp();
    serveItems(target);
    const read = await target.inject({ method: 'GET', url: `/api/items/${ID}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ id: ID, name: 'Bank' });
    const created = await target.inject({ method: 'POST', url: '/api/items', payload: { name: 'Tafel' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: ID, name: 'Tafel' });
    const removed = await target.inject({ method: 'POST', url: `/api/items/${ID}/remove` });
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe('');
  });

  it('validates with the declared schemas, :id with idParams unless the route declares its own', async () => {
    const target = testApp();
    serveItems(target);
    expect((await target.inject({ method: 'GET', url: '/api/items/not-a-uuid' })).statusCode).toBe(400);
    expect((await target.inject({ method: 'POST', url: '/api/items', payload: {} })).statusCode).toBe(400);
  });

  it('sends a file with its type and Content-Disposition', async () => {
    const target = testApp();
    serveItems(target);
    const res = await target.inject({ method: 'GET', url: `/api/items/${ID}/file` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="item.txt"');
    expect(res.body).toBe(`file ${ID}`);
  });

  it('carries the access, second-factor and secret declarations into the route config', async () => {
    const target = testApp();
    const configs: Record<string, unknown> = {};
    target.addHook('onRoute', (route) => {
      configs[route.url] = { ...route.config, bodyLimit: route.bodyLimit, access: route.config?.access };
    });
    serveItems(target);
    await target.ready();
    expect(configs['/api/items/:id']).toMatchObject({ access: 'network.read' });
    expect(configs['/api/whoami']).toMatchObject({ access: 'public', mfaPending: true });
    expect(configs['/api/items/:id/file']).toMatchObject({ access: 'public', secretParams: ['id'] });
    expect(configs['/api/items/upload']).toMatchObject({ access: 'network.import', bodyLimit: 64 });
    const tooLarge = await target.inject({
      method: 'POST',
      url: '/api/items/upload',
      payload: { data: 'x'.repeat(100) },
    });
    expect(tooLarge.statusCode).toBe(413);
  });

  it('types a handler from its route: input from the schemas, answer from the declared response', () => {
    serve(
      testApp(),
      { read: routes.read },
      {
        // @ts-expect-error the declared response has no `title`
        read: async () => ({ title: 'Bank' }),
      },
    );
    serve(
      testApp(),
      { create: routes.create },
      {
        // @ts-expect-error the body declares `name` only
        create: async ({ body }) => ({ id: ID, name: body.title }),
      },
    );
  });

  it('refuses to hand a public route an actor', async () => {
    const target = testApp();
    serveItems(target);
    expect((await target.inject({ method: 'GET', url: '/api/whoami' })).statusCode).toBe(500);
  });
});

describe('the auth hook fails closed on a route without a known access', () => {
  const noSession: Authenticate = async () => ({ status: 'none' });

  it('refuses a route that declares no access', async () => {
    const target = testApp();
    installAuth(target, {} as AppContext, noSession);
    expect(() => target.get('/api/open', async () => 'open')).toThrow(/declares no access/);
  });

  it('refuses a route whose action the policy does not know', async () => {
    const target = testApp();
    installAuth(target, {} as AppContext, noSession);
    expect(() =>
      target.get('/api/odd', { config: { access: 'items.teleport' as never } }, async () => 'odd'),
    ).toThrow(/unknown action: items.teleport/);
  });

  it('lists each served route with its action, or as public', async () => {
    const target = testApp();
    const listed = installAuth(target, {} as AppContext, noSession);
    serveItems(target);
    await target.ready();
    expect(listed).toContainEqual({
      method: 'GET',
      url: '/api/items/:id',
      action: 'network.read',
      public: false,
    });
    expect(listed).toContainEqual({ method: 'GET', url: '/api/whoami', action: undefined, public: true });
    const denied = await target.inject({ method: 'GET', url: `/api/items/${ID}` });
    expect(denied.statusCode).toBe(401);
  });
});
