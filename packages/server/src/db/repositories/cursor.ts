import { HavenError } from '@haven/domain';
import { isStorableText } from '../storableText.ts';

/** Opaque keyset-pagination cursors. A malformed cursor is the user's input: a 400, never a 500. */
export function encodeCursor(value: Record<string, string>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A cursor this server wrote: `t` exactly as `toISOString()` writes it (so a year PostgreSQL cannot
 * hold, like 999999, is refused here) and an id of the expected shape.
 */
export function decodeCursor(cursor: string, idPattern: RegExp = uuidPattern): { at: Date; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      value &&
      typeof value === 'object' &&
      'id' in value &&
      't' in value &&
      typeof value.id === 'string' &&
      typeof value.t === 'string'
    ) {
      const at = canonicalTime(value.t);
      if (at && idPattern.test(value.id)) return { at, id: value.id };
    }
  } catch {
    // fall through
  }
  throw new HavenError('bad_request', { field: 'cursor' });
}

/** A cursor holding one text value (a sort key such as an email), refused when PostgreSQL could not store it. */
export function decodeTextCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isStorableText(text)) throw new HavenError('bad_request', { field: 'cursor' });
  return text;
}

export function encodeTextCursor(text: string): string {
  return Buffer.from(text).toString('base64url');
}

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function canonicalTime(text: string): Date | undefined {
  if (!isoTime.test(text)) return undefined;
  const at = new Date(text);
  return !Number.isNaN(at.getTime()) && at.toISOString() === text ? at : undefined;
}
