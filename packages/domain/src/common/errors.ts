import { z } from 'zod';
import { duplicateCandidate } from '../casework/client.schema.ts';

/** Stable error codes of the public API. Clients switch on `code`, never on `message`. */
export const errorCodes = [
  'bad_request',
  'validation_failed',
  'invalid_json',
  'unsupported_media_type',
  'payload_too_large',
  'unauthenticated',
  'invalid_credentials',
  'mfa_required',
  'invalid_mfa_code',
  'mfa_attempts_exceeded',
  'forbidden',
  'not_found',
  'conflict',
  'too_many_requests',
  'weak_password',
  'internal_error',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      /** 409 on creating a client: the possible duplicates the caller may see. */
      candidates: z.array(duplicateCandidate).optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBody>;
