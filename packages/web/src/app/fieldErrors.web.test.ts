import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { fieldErrorsOf, firstSegment, lastSegment } from './fieldErrors.ts';

const failure = new ApiError(400, 'validation_failed', 'ungültig', undefined, [
  { path: 'body.dimensions.0', message: 'unbekannt' },
  { path: '/email', message: 'keine Adresse' },
  { path: 'email', message: 'zweite Meldung' },
]);

describe('fieldErrorsOf', () => {
  it('keys the messages by field, the first message per field winning', () => {
    expect(fieldErrorsOf(failure)).toEqual({ 0: 'unbekannt', email: 'keine Adresse' });
    expect(fieldErrorsOf(failure, (path) => firstSegment(path.replace(/^body\./, '')))).toEqual({
      dimensions: 'unbekannt',
      email: 'keine Adresse',
    });
  });

  it('has no field messages for other failures', () => {
    expect(fieldErrorsOf(new Error('offline'))).toEqual({});
    expect(fieldErrorsOf(new ApiError(409, 'conflict', 'schon vorhanden'))).toEqual({});
  });

  it('names the field of a path', () => {
    expect(lastSegment('body.date')).toBe('date');
    expect(lastSegment('/date')).toBe('date');
    expect(firstSegment('contactPersons.1.email')).toBe('contactPersons');
  });
});
