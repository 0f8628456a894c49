// Node-only: derives Haven's compact language table from the iso-639-3 package. Imported by the generator
// and by the test that keeps `languageData.ts` in step with the installed package; never by runtime code.
import { iso6393 } from 'iso-639-3';

/**
 * Languages a person can speak, sign or need an interpreter for: living and constructed languages
 * (Blissymbols, Esperanto) and the special codes `und`, `mul`, `mis`, `zxx`. Extinct, historical and
 * ancient languages are left out: on an intake form they are typing errors far more often than needs.
 */
export const acceptedLanguageTypes: ReadonlySet<string> = new Set(['living', 'constructed', 'special']);

/** `code<TAB>English reference name`, one accepted language a line, in code order. */
export function languageTableFromSource(): string {
  return iso6393
    .filter((language) => acceptedLanguageTypes.has(language.type))
    .map((language) => `${language.iso6393}\t${language.name}`)
    .join('\n');
}

/** `alias<TAB>ISO 639-3 code` for ISO 639-1 codes and ISO 639-2/B codes that differ from the 639-3 code. */
export function languageAliasesFromSource(): string {
  const aliases: string[] = [];
  for (const language of iso6393) {
    if (!acceptedLanguageTypes.has(language.type)) continue;
    if (language.iso6391 !== undefined) aliases.push(`${language.iso6391}\t${language.iso6393}`);
    if (language.iso6392B !== undefined && language.iso6392B !== language.iso6393)
      aliases.push(`${language.iso6392B}\t${language.iso6393}`);
  }
  return aliases.sort().join('\n');
}
