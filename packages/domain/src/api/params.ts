import { z } from 'zod';

/** Path parameters of an endpoint that addresses one object by its id (`.../:id/...`). */
export const idParams = z.object({ id: z.uuid() });
