import { z } from 'zod';
import { personRef } from '../casework/common.ts';
import { pageQuery } from '../common/paging.ts';

export const auditOutcome = z.enum(['success', 'denied', 'failure']);

export const auditEntryView = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    action: z.string(),
    outcome: auditOutcome,
    actor: personRef.nullable(),
    agencyId: z.uuid().nullable(),
    resourceType: z.string().nullable(),
    resourceId: z.string().nullable(),
    clientId: z.uuid().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryView = z.infer<typeof auditEntryView>;

export const auditQuery = pageQuery.extend({
  clientId: z.uuid().optional(),
  userId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  from: z.iso.date().or(z.iso.datetime()).optional(),
  to: z.iso.date().or(z.iso.datetime()).optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;
