import { z } from 'zod';

/**
 * Lotse's own wording for zod's generic checks (a schema's own `message` still wins). Without it, zod's
 * English developer texts ("Invalid input: expected string, received null") reach people. The texts
 * are German, the source language; the server translates them like every other message
 * (packages/server/src/platform/i18n). `{0}` marks a value filled in.
 */
export const zodMessages = {
  required: 'Bitte ausfüllen.',
  number: 'Bitte eine Zahl angeben.',
  integer: 'Bitte eine ganze Zahl angeben.',
  invalid: 'Ungültiger Wert.',
  minNumber: 'Der Wert muss mindestens {0} sein.',
  aboveNumber: 'Der Wert muss größer als {0} sein.',
  maxNumber: 'Der Wert darf höchstens {0} sein.',
  belowNumber: 'Der Wert muss kleiner als {0} sein.',
  minText: 'Mindestens {0} Zeichen.',
  maxText: 'Höchstens {0} Zeichen.',
  minOne: 'Bitte mindestens einen Eintrag wählen.',
  minItems: 'Mindestens {0} Einträge.',
  maxItems: 'Höchstens {0} Einträge.',
  email: 'Keine gültige E-Mail-Adresse',
  date: 'Datum im Format JJJJ-MM-TT erwartet.',
  dateTime: 'Zeitpunkt im ISO-Format',
  id: 'Ungültige Kennung.',
  url: 'Ungültige Adresse.',
  format: 'Ungültiges Format.',
  choice: 'Bitte einen der vorgesehenen Werte wählen.',
  unknownFields: 'Unbekanntes Feld: {0}',
} as const;

const fill = (template: string, value: unknown) => template.replace('{0}', String(value));

type Issue = z.core.$ZodRawIssue;

export function zodMessage(issue: Issue): string | undefined {
  const m = zodMessages;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return m.required;
      if (issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint')
        return m.number;
      return m.invalid;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? m.required : fill(m.minText, min);
      if (issue.origin === 'array' || issue.origin === 'set')
        return min <= 1 ? m.minOne : fill(m.minItems, min);
      return fill(issue.inclusive === false ? m.aboveNumber : m.minNumber, issue.minimum);
    }
    case 'too_big':
      if (issue.origin === 'string') return fill(m.maxText, issue.maximum);
      if (issue.origin === 'array' || issue.origin === 'set') return fill(m.maxItems, issue.maximum);
      return fill(issue.inclusive === false ? m.belowNumber : m.maxNumber, issue.maximum);
    case 'invalid_format':
      if (issue.input === '') return m.required;
      if (issue.format === 'email') return m.email;
      if (issue.format === 'date') return m.date;
      if (issue.format === 'datetime') return m.dateTime;
      if (issue.format === 'uuid' || issue.format === 'guid') return m.id;
      if (issue.format === 'url') return m.url;
      return m.format;
    case 'invalid_value':
      return issue.input === undefined || issue.input === null || issue.input === '' ? m.required : m.choice;
    case 'unrecognized_keys':
      return fill(m.unknownFields, issue.keys.join(', '));
    case 'not_multiple_of':
      return Number(issue.divisor) === 1 ? m.integer : m.invalid;
    default:
      return m.invalid;
  }
}

z.config({ customError: zodMessage });
