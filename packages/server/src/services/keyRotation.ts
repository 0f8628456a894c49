import { addKeyToFile, retireKeys } from '../crypto/keyring.ts';
import { encryptionRepository } from '../db/repositories/encryptionRepository.ts';
import { type DataDeps, runInTransaction } from '../db/unitOfWork.ts';

const system = { principal: null, purpose: 'administration' as const, requestId: null };

export interface RotationResult {
  newKid: string;
  childKeysRewrapped: number;
  secretsReencrypted: number;
  retired: string[];
}

/**
 * Adds a new key-encryption key, re-wraps every child record's data key and re-encrypts the
 * two-factor secrets under it, in batches (each batch one audited transaction, so an interrupted
 * rotation resumes safely: old keys stay until nothing uses them), then retires the keys nothing
 * refers to any more.
 */
export async function rotateKeys(deps: DataDeps, batchSize = 500): Promise<RotationResult> {
  if (deps.keys.source.kind !== 'file') throw new Error('HAVEN_KEY comes from the environment: rotate it there, or use a key file');
  const ring = addKeyToFile(deps.keys.source.path);
  const next: DataDeps = { ...deps, keys: ring };
  let childKeysRewrapped = 0;
  let after: { jurisdiction: string; id: string } | null = null;
  do {
    const batch: { rewritten: number; next: { jurisdiction: string; id: string } | null } = await runInTransaction(next, system, (uow) =>
      encryptionRepository(uow).rewrapChildKeys(after, batchSize),
    );
    childKeysRewrapped += batch.rewritten;
    after = batch.next;
  } while (after);
  const secretsReencrypted = await runInTransaction(next, system, (uow) => encryptionRepository(uow).reencryptMfaSecrets());
  const inUse = await runInTransaction(next, system, (uow) => encryptionRepository(uow).keysInUse());
  const retired = retireKeys(deps.keys.source.path, inUse);
  return { newKid: ring.activeKid, childKeysRewrapped, secretsReencrypted, retired };
}
