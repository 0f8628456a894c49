/**
 * Checks the web UI's message catalogs and the server's error messages.
 * Run with `npx tsx scripts/i18n-check.ts` (or `npm run i18n:check`); exits 1 listing every problem.
 *
 * - every locale catalog has exactly the keys of en.json, none empty, with the same {{placeholders}};
 * - every `t('literal.key')`, `i18nKey="..."` and key-shaped string literal in packages/web/src exists in en.json,
 *   and the static prefix of every `t(`prefix.${…}`)` names an existing group of keys;
 * - every value of the domain's enumerations has a label (`enums.<kind>.<value>`);
 * - `errorMessages` in @haven/domain has a non-empty text for every error code in every locale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  actions,
  errorCodes,
  errorMessages,
  fieldGroups,
  locales,
  purposes,
  resources,
  roleCategories,
  SessionState,
  Sex,
  scopes,
} from '@haven/domain';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const webSrc = join(root, 'packages/web/src');
const localeDir = join(webSrc, 'i18n/locales');
const problems: string[] = [];

type Catalog = { [key: string]: string | Catalog };

function flatten(node: Catalog, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value, path, out);
    else out.set(path, value);
  }
  return out;
}

function loadCatalog(locale: string): Map<string, unknown> {
  const file = join(localeDir, `${locale}.json`);
  try {
    return flatten(JSON.parse(readFileSync(file, 'utf8')) as Catalog);
  } catch (error) {
    problems.push(`${relative(root, file)}: cannot be read as JSON (${(error as Error).message})`);
    return new Map();
  }
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

// 1. Catalogs agree with en.json.
const catalogs = new Map(locales.map((locale) => [locale, loadCatalog(locale)] as const));
const en = catalogs.get('en') ?? new Map<string, unknown>();
for (const [locale, catalog] of catalogs) {
  for (const [key, value] of catalog) {
    if (typeof value !== 'string') problems.push(`${locale}.json: "${key}" is not a string`);
    else if (value.trim() === '') problems.push(`${locale}.json: "${key}" is empty`);
    if (locale !== 'en' && !en.has(key)) problems.push(`${locale}.json: extra key "${key}" (not in en.json)`);
  }
  if (locale === 'en') continue;
  for (const [key, value] of en) {
    const translated = catalog.get(key);
    if (translated === undefined) problems.push(`${locale}.json: missing key "${key}"`);
    else if (typeof value === 'string' && typeof translated === 'string' && placeholders(value) !== placeholders(translated)) {
      problems.push(`${locale}.json: "${key}" has placeholders {${placeholders(translated)}}, en.json has {${placeholders(value)}}`);
    }
  }
}

// 2. Keys used in the code exist.
const groups = new Set<string>();
for (const key of en.keys()) {
  const parts = key.split('.');
  for (let i = 1; i < parts.length; i++) groups.add(parts.slice(0, i).join('.'));
}
const namespaces = new Set([...en.keys()].map((key) => key.split('.')[0]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const used = new Set<string>();
for (const file of sourceFiles(webSrc)) {
  const text = readFileSync(file, 'utf8');
  const where = relative(root, file);
  const require = (key: string, how: string) => {
    used.add(key);
    if (!en.has(key)) problems.push(`${where}: ${how} "${key}" is not in en.json`);
  };
  for (const m of text.matchAll(/\bt\(\s*(['"])([^'"\n]+)\1/g)) require(m[2] ?? '', 't()');
  for (const m of text.matchAll(/\bi18nKey\s*[=:]\s*\{?\s*(['"])([^'"\n]+)\1/g)) require(m[2] ?? '', 'i18nKey');
  for (const m of text.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)) {
    const prefix = (m[1] ?? '').replace(/\.$/, '');
    if (prefix && !groups.has(prefix)) problems.push(`${where}: t(\`${m[1]}\${…}\`) names no group of keys in en.json`);
  }
  // Keys kept in data (navigation labels, say): key-shaped literals under a known namespace.
  for (const m of text.matchAll(/(['"])([a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)+)\1/g)) {
    const literal = m[2] ?? '';
    if (!namespaces.has(literal.split('.')[0]) || en.has(literal) || groups.has(literal)) continue;
    problems.push(`${where}: "${literal}" looks like a message key but is not in en.json`);
  }
}

// 3. Every enumeration value has a label.
const enumerations: Record<string, readonly string[]> = {
  category: roleCategories,
  scope: scopes,
  purpose: purposes,
  fieldGroup: fieldGroups,
  resource: resources,
  action: actions,
  sex: Sex.options,
  sessionState: SessionState.options,
  fieldAccess: ['none', 'read', 'hidden'],
};
let enumLabels = 0;
for (const [kind, values] of Object.entries(enumerations)) {
  for (const value of values) {
    enumLabels++;
    if (!en.has(`enums.${kind}.${value}`)) problems.push(`en.json: no label "enums.${kind}.${value}"`);
  }
}

// 4. Server error messages exist for every code in every locale.
const messages = errorMessages as Record<string, Record<string, unknown> | undefined>;
for (const locale of locales) {
  const table = messages[locale];
  if (!table) {
    problems.push(`@haven/domain errorMessages: no "${locale}" table`);
    continue;
  }
  for (const code of errorCodes) {
    const text = table[code];
    if (typeof text !== 'string' || text.trim() === '') problems.push(`@haven/domain errorMessages.${locale}: missing text for "${code}"`);
  }
  for (const code of Object.keys(table)) {
    if (!(errorCodes as readonly string[]).includes(code)) problems.push(`@haven/domain errorMessages.${locale}: unknown code "${code}"`);
  }
}

if (problems.length > 0) {
  console.error(`i18n-check: ${problems.length} problem(s)`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(
  `i18n-check: OK — ${locales.length} locales × ${en.size} keys, ${used.size} keys used in code, ` +
    `${enumLabels} enumeration labels, ${errorCodes.length} error codes × ${locales.length} locales`,
);
