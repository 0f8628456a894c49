import {
  type Compilable,
  type CompiledQuery,
  createQueryId,
  type Insertable,
  isOperationNodeSource,
  type Kysely,
  type OperationNode,
  type OperationNodeSource,
  RawNode,
  ValueNode,
} from 'kysely';
import { isIdentityTable } from './identityWatch.ts';
import type { DB } from './schema.ts';

const shapes = new Map<string, { columns: string[]; fragments: string[] }>();
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The SQL text around the values, built once per table, column set and row count. */
function shapeOf(table: string, rows: readonly Record<string, unknown>[]) {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const key = `${table}|${columns.join(',')}|${rows.length}`;
  let shape = shapes.get(key);
  if (!shape) {
    const fragments = [`insert into ${quote(table)} (${columns.map(quote).join(', ')}) values (`];
    for (let r = 0; r < rows.length; r++) {
      for (let c = 0; c < columns.length; c++) {
        if (c > 0) fragments.push(', ');
        else if (r > 0) fragments.push('), (');
      }
    }
    fragments.push(')');
    shape = { columns, fragments };
    if (shapes.size < 1000) shapes.set(key, shape);
  }
  return shape;
}

/**
 * A multi-row INSERT built without a query tree: Kysely's insert builder parses and freezes every
 * value, which on the registration path cost more than encrypting the record. Values are sent as
 * parameters exactly as the builder sends them; a column missing from a row gets its DEFAULT.
 * The result can run on its own or be embedded in a larger statement (`auditStatement`).
 */
export function insertRows<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: readonly Insertable<DB[T]>[],
): Compilable & OperationNodeSource & { execute(): Promise<unknown> } {
  if (rows.length === 0) throw new Error('insertRows: no rows');
  // The identity watch reads query trees, not SQL text: sessions' tables go through the builder.
  if (isIdentityTable(table)) throw new Error(`insertRows: write ${table} with the query builder`);
  const records = rows as readonly Record<string, unknown>[];
  const { columns, fragments } = shapeOf(table, records);
  const parameters: OperationNode[] = [];
  const sqlFragments: string[] = [fragments[0] as string];
  let f = 1;
  for (const row of records) {
    for (const column of columns) {
      const value = row[column];
      if (value === undefined) {
        // DEFAULT cannot be a parameter: fold it into the surrounding text.
        sqlFragments[sqlFragments.length - 1] += `default${fragments[f++]}`;
        continue;
      }
      parameters.push(isOperationNodeSource(value) ? value.toOperationNode() : ValueNode.create(value));
      sqlFragments.push(fragments[f++] as string);
    }
  }
  const node = RawNode.create(sqlFragments, parameters);
  const compile = (): CompiledQuery => {
    const queryId = createQueryId();
    const executor = db.getExecutor();
    return executor.compileQuery(executor.transformQuery(node, queryId), queryId);
  };
  return {
    toOperationNode: () => node,
    compile,
    execute: () => db.executeQuery(compile()),
  };
}
