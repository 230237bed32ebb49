import type { App } from './http.ts';

/**
 * Answers `Expect: 100-continue` only once the route has accepted the announced body size.
 *
 * Node answers "100 Continue" before any route code runs. A client (curl does so for bodies over
 * 1 MB) then starts sending a body that the route refuses as too large; Fastify answers 413 and
 * closes the connection while the body is still arriving, and the client may see the reset instead
 * of the 413. Holding the 100 back until the route's limit is known lets the 413 arrive before a
 * byte of the body is sent. A final answer without a 100 makes Node close the connection, so no
 * unsent body can be mistaken for the next request.
 */
export function continueWithinBodyLimit(app: App): void {
  app.server.on('checkContinue', (req, res) => app.server.emit('request', req, res));
  app.addHook('preParsing', async (request, reply, payload) => {
    if (request.headers.expect?.toLowerCase() !== '100-continue') return payload;
    const announced = Number(request.headers['content-length']);
    // Without a length (chunked) the parser counts while reading and stops at the limit.
    if (!(announced > request.routeOptions.bodyLimit)) reply.raw.writeContinue();
    return payload;
  });
}
