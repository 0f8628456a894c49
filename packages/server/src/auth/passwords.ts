import { hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's minimum parameters (19 MiB, 2 passes): about 45 ms here. */
// algorithm 2 is Argon2id (a const enum in the typings, which isolated modules cannot import).
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const passwordHasher = {
  hash: (password: string) => hash(password, options),
  verify: (digest: string, password: string) => verify(digest, password).catch(() => false),
};

let decoy: Promise<string> | undefined;

/** Verified against when the email is unknown, so a miss takes as long as a wrong password. */
export function decoyHash(): Promise<string> {
  decoy ??= hash('no such user', options);
  return decoy;
}
