/**
 * Zod's messages in plain Dutch for the people filling in a form ("gebruik hoogstens 200 tekens"),
 * instead of its English developer text ("Too big: expected string to have <=200 characters").
 * Installed once, globally, when the domain is loaded; a schema's own message still wins.
 */
import { z } from 'zod';

const nl = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 6 });
const n = (v: number | bigint) => nl.format(v);

const TYPE_NL: Record<string, string> = {
  string: 'vul een tekst in',
  number: 'vul een getal in',
  int: 'vul een geheel getal in',
  bigint: 'vul een geheel getal in',
  boolean: 'kies ja of nee',
  date: 'vul een datum in',
  array: 'geef een lijst op',
  object: 'geef de gegevens op',
};

type Issue = z.core.$ZodRawIssue;

export function dutchMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined || issue.input === null) return 'vul dit veld in';
      return TYPE_NL[issue.expected] ?? 'deze waarde is ongeldig';
    }
    case 'too_big': {
      const max = n(issue.maximum as number);
      if (issue.origin === 'string') return `gebruik hoogstens ${max} tekens`;
      if (issue.origin === 'array' || issue.origin === 'set') return `geef hoogstens ${max} waarden op`;
      return issue.inclusive ? `mag hoogstens ${max} zijn` : `moet kleiner zijn dan ${max}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? 'vul dit veld in' : `gebruik minstens ${n(min)} tekens`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return min <= 1 ? 'kies er minstens één' : `geef minstens ${n(min)} waarden op`;
      return issue.inclusive ? `moet minstens ${n(min)} zijn` : `moet groter zijn dan ${n(min)}`;
    }
    case 'invalid_value':
      return 'kies een van de aangeboden waarden';
    case 'invalid_format':
      return issue.format === 'uuid' ? 'onbekende verwijzing' : 'deze waarde heeft niet de juiste vorm';
    case 'not_multiple_of':
      return issue.divisor === 1
        ? 'vul een geheel getal in'
        : `moet een veelvoud van ${n(issue.divisor as number)} zijn`;
    case 'unrecognized_keys':
      return `onbekende ${issue.keys.length === 1 ? 'veldnaam' : 'veldnamen'}: ${issue.keys.join(', ')}`;
    default:
      return 'deze waarde is ongeldig';
  }
}

z.config({ localeError: (issue) => dutchMessage(issue as Issue) });
