export * from './district.schema.ts';
export * from './languages.ts';
export * from './network.codes.ts';
export * from './network.schema.ts';
export * from './ranking.ts';
export * from './referral-feedback.schema.ts';
