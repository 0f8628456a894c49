import { type NameInput, phoneticKeys } from '@haven/domain';
import { blindIndex } from '../../crypto/envelope.ts';
import type { KeyRing } from '../../crypto/keyring.ts';
import { displayName } from './childRecord.ts';

/** Blind index of the whole name, for exact-match search without decryption. */
export function nameIndex(keys: KeyRing, names: readonly NameInput[]): string | null {
  return names.length > 0 ? blindIndex(keys, 'child.name', displayName(names)) : null;
}

/**
 * Keyed hashes of the names' phonetic keys across scripts: records sharing one are candidate
 * duplicates, found through a GIN index without decrypting anyone's name.
 */
export function nameKeys(keys: KeyRing, names: readonly NameInput[]): string[] {
  return phoneticKeys(names).map((key) => blindIndex(keys, 'child.name_key', key).slice(0, 32));
}
