// npm run bench -- NAME [--quick]   Prints JSON and a markdown table. Never part of `npm test`.
// The database: BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a PostgreSQL server on which a
// scratch database is created and dropped; without one, embedded PGlite is measured.
import { apiWrite } from './scenarios/apiWrite.ts';
import { bulkLoad } from './scenarios/bulkLoad.ts';
import { caseRead } from './scenarios/caseRead.ts';

const scenarios: Record<string, (options: { quick: boolean }) => Promise<BenchResult>> = {
  'api-write': apiWrite,
  'bulk-load': bulkLoad,
  'case-read': caseRead,
};

export interface BenchResult {
  name: string;
  engine: string;
  machine: { cpus: number; node: string };
  rows: Record<string, string | number>[];
  notes: string[];
}

const name = process.argv[2];
const scenario = name ? scenarios[name] : undefined;
if (!scenario) {
  console.error(`usage: npm run bench -- <${Object.keys(scenarios).join('|')}> [--quick]`);
  process.exit(2);
}
const result = await scenario({ quick: process.argv.includes('--quick') });
console.log(JSON.stringify(result, null, 2));
const columns = Object.keys(result.rows[0] ?? {});
console.log(`\n### ${result.name} (${result.engine}, ${result.machine.cpus} cores, node ${result.machine.node})\n`);
console.log(`| ${columns.join(' | ')} |\n| ${columns.map(() => '---').join(' | ')} |`);
for (const row of result.rows) console.log(`| ${columns.map((c) => row[c]).join(' | ')} |`);
for (const note of result.notes) console.log(`\n${note}`);
process.exit(0);
