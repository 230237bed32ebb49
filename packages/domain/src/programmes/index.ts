export * from './budget.ts';
export * from './money.ts';
export * from './programme.codes.ts';
export * from './programme.schema.ts';
