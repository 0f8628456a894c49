import { CasePolicy, defaultCasePolicy } from '@haven/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export const casePolicyKey = 'case.policy';

/**
 * The case management policy table (deadlines by risk, promptness thresholds, consent age bands),
 * stored in `system_setting` and cached briefly: every action reads it, and it changes rarely.
 * A stored value that no longer parses falls back to the defaults rather than stopping case work.
 */
export function casePolicyStore(db: Kysely<DB>, ttlMs = 30_000) {
  let cached: { policy: CasePolicy; at: number } | null = null;
  return {
    async get(): Promise<CasePolicy> {
      if (cached && Date.now() - cached.at < ttlMs) return cached.policy;
      const row = await db.selectFrom('system_setting').select('value').where('key', '=', casePolicyKey).executeTakeFirst();
      const parsed = row ? CasePolicy.safeParse(row.value) : null;
      const policy = parsed?.success ? parsed.data : defaultCasePolicy;
      cached = { policy, at: Date.now() };
      return policy;
    },
    forget() {
      cached = null;
    },
  };
}

export type CasePolicyStore = ReturnType<typeof casePolicyStore>;
