import { type Compilable, CompiledQuery } from 'kysely';

/**
 * A query shape compiled once: later calls only bind new parameter values. For the hottest reads
 * (the session lookup runs on every request), where building and compiling the Kysely tree costs
 * more than the database round trip. The builder must use each argument as a plain parameter.
 */
export function reusableQuery<Args extends unknown[], Row>(arity: number, build: (...args: Args) => Compilable<Row>) {
  let cached: { sql: string; order: number[] } | undefined;
  return (...args: Args): CompiledQuery<Row> => {
    if (!cached) {
      const sentinels = Array.from({ length: arity }, (_, i) => `\u0000haven-param-${i}\u0000`);
      const compiled = build(...(sentinels as Args)).compile();
      const order = compiled.parameters.map((value) => sentinels.indexOf(value as string));
      if (order.some((i) => i < 0)) throw new Error('reusableQuery: every parameter must come from the arguments');
      cached = { sql: compiled.sql, order };
    }
    return CompiledQuery.raw(
      cached.sql,
      cached.order.map((i) => args[i]),
    ) as CompiledQuery<Row>;
  };
}
