export * from './agencies/agency.schema.ts';
export * from './audit/audit.schema.ts';
export * from './auth/auth.schema.ts';
export * from './common/errors.ts';
export * from './common/paging.ts';
export * from './instruments/instrument.schema.ts';
export * from './instruments/teilhabe-bogen.ts';
