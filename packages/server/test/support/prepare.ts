// Builds the migrated test template before test files clone it in parallel.
import { buildPgliteTemplate, buildPostgresTemplate } from './template.ts';

const url = process.env.TEST_DATABASE_URL;
const made = url ? await buildPostgresTemplate(url) : await buildPgliteTemplate();
console.log(`test template ready: ${made}`);
