import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { languageAliases, languageDataSource, languageTable } from './languageData.ts';
import { languageAliasesFromSource, languageTableFromSource } from './languageSource.ts';

const regenerate = 'run: node --import tsx packages/domain/src/codes/generateLanguageData.ts';

test('languageData.ts matches the installed iso-639-3 package', () => {
  const { version } = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('iso-639-3/package.json'), 'utf8')) as {
    version: string;
  };
  assert.equal(languageDataSource, `iso-639-3@${version}`, regenerate);
  assert.equal(languageTable, languageTableFromSource(), regenerate);
  assert.equal(languageAliases, languageAliasesFromSource(), regenerate);
});

test('every alias points at an accepted code, and no alias is itself a 639-3 code', () => {
  const codes = new Set(languageTable.split('\n').map((line) => line.split('\t')[0]));
  for (const line of languageAliases.split('\n')) {
    const [alias = '', code = ''] = line.split('\t');
    assert.ok(codes.has(code), line);
    assert.ok(!codes.has(alias), line);
  }
});
