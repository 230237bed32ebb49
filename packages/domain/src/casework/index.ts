export * from './case.schema.ts';
export * from './caseload.schema.ts';
export * from './client.schema.ts';
export * from './common.ts';
export * from './consent.schema.ts';
export * from './contact.schema.ts';
export * from './date-order.ts';
export * from './goal.schema.ts';
