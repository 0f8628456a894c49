import { HavenError } from '@haven/domain';

/** Opaque keyset-pagination cursors. A malformed cursor is the user's input: a 400, never a 500. */
export function encodeCursor(value: Record<string, string>): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function decodeCursor(cursor: string, idPattern: RegExp = uuidPattern): { t: string; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      value &&
      typeof value === 'object' &&
      'id' in value &&
      't' in value &&
      typeof value.id === 'string' &&
      typeof value.t === 'string' &&
      idPattern.test(value.id) &&
      !Number.isNaN(Date.parse(value.t))
    ) {
      return { t: value.t, id: value.id };
    }
  } catch {
    // fall through
  }
  throw new HavenError('bad_request', { field: 'cursor' });
}
