import {
  ColumnNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/**
 * The tables a signed-in session is built from (the session, its user, role, agency and teams).
 * Every write to them, anywhere in the process, moves the identity generation on, so a cached
 * session is never served after a change this process made: sign-out, a disabled user, a changed
 * role. Writes by other processes are bounded by the cache's time to live.
 */
const identityTables = new Set(['session', 'app_user', 'role', 'user_team', 'agency', 'team']);
const writeKinds = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);

export function isIdentityTable(table: string): boolean {
  return identityTables.has(table);
}

let generation = 0;

export function identityGeneration(): number {
  return generation;
}

/** Moves the generation on: every session cached before now is reloaded. */
export function identityChanged(): void {
  generation++;
}

function tablesIn(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const item of node) tablesIn(item, found);
  else if (node && typeof node === 'object') {
    const kind = (node as OperationNode).kind;
    if (kind === 'TableNode') {
      const name = (node as { table: { identifier: { name: string } } }).table.identifier.name;
      found.add(name);
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') tablesIn(value, found);
  }
  return found;
}

/** Keeping a session alive (its sliding expiry) changes nothing a cached session is trusted for. */
const touchColumns = new Set(['last_seen_at', 'idle_expires_at']);

function writesIdentity(node: RootOperationNode): boolean {
  if (!writeKinds.has(node.kind)) return false;
  const tables = tablesIn(node, new Set());
  if (![...tables].some((table) => identityTables.has(table))) return false;
  if (tables.size !== 1 || !tables.has('session')) return true;
  // A new session is in no cache; a touch only moves the idle expiry on (a cached copy expires sooner).
  if (node.kind === 'InsertQueryNode') return false;
  if (node.kind === 'UpdateQueryNode') {
    const columns = (node.updates ?? []).map((update) => (ColumnNode.is(update.column) ? update.column.column.name : ''));
    return !columns.every((column) => touchColumns.has(column));
  }
  return true;
}

/**
 * Watches the queries of every database handle: an identity write moves the generation on when it
 * is sent and again when it returns, so a session read while the write was in flight is not kept.
 * A transaction moves it once more after COMMIT (`runInTransaction`).
 */
export function identityWatch(): KyselyPlugin {
  const inFlight = new WeakSet<QueryId>();
  return {
    transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
      if (writesIdentity(node)) {
        inFlight.add(queryId);
        identityChanged();
      }
      return node;
    },
    async transformResult({ queryId, result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      if (inFlight.delete(queryId)) identityChanged();
      return result;
    },
  };
}
