import { InvalidInputError } from '../errors';

/**
 * Checks of what a resolver receives: the browser sends whatever it likes, so every field is read as
 * `unknown` and refused with a sentence a person can act on (InvalidInputError), at the field it concerns,
 * before anything changes.
 */
export type Payload = Readonly<Record<string, unknown>>;

/** The payload as an object; `what` names it in the refusal ("the roster", "the action"). */
export function payloadRecord(payload: unknown, what = 'the action'): Payload {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new InvalidInputError(`Send ${what} as a JSON object.`);
  }
  return payload as Payload;
}

const tooLong = (field: string, what: string, max: number, length: number) =>
  InvalidInputError.at(
    field,
    `${what} can be at most ${max.toLocaleString('en-GB')} characters; this is ${length.toLocaleString('en-GB')}.`,
  );

export function requiredText(payload: Payload, field: string, what: string, max = 2000): string {
  const value = payload[field];
  if (typeof value !== 'string' || value.trim().length === 0)
    throw InvalidInputError.at(field, `${what} is required.`);
  if (value.length > max) throw tooLong(field, what, max, value.length);
  return value.trim();
}

export function optionalText(payload: Payload, field: string, what: string, max = 1000): string | undefined {
  const value = payload[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw InvalidInputError.at(field, `${what} must be text.`);
  if (value.length > max) throw tooLong(field, what, max, value.length);
  return value.trim() || undefined;
}

export function accountIdField(payload: Payload, field: string, what: string): string {
  const value = payload[field];
  if (typeof value !== 'string' || !/^[^\s]{1,128}$/.test(value)) {
    throw InvalidInputError.at(field, `${what} must be a Jira account id.`);
  }
  return value;
}

/** The configuration version a change is based on, for compare-and-set saves. */
export function expectedVersionOf(payload: Payload): number {
  const value = payload.expectedVersion;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw InvalidInputError.at(
      'expectedVersion',
      'Send expectedVersion: the configuration version your change is based on (0 before the first save).',
    );
  }
  return value;
}
