import { metaphoneCodes } from './romanise.ts';
import { analyseNames, joinTokens, type NameInput } from './tokens.ts';

/**
 * Blocking keys for candidate retrieval: the Double Metaphone codes (primary and secondary) of every
 * Latin key of every name word (and of adjacent words of a part joined), particles left out;
 * deduplicated and sorted. The server HMACs them.
 */
export function phoneticKeys(names: readonly NameInput[]): string[] {
  const codes = new Set<string>();
  const tokens = analyseNames(names);
  const add = (keys: readonly string[]): void => {
    for (const key of keys) for (const code of metaphoneCodes(key)) codes.add(code);
  };
  tokens.forEach((token, i) => {
    if (token.class !== 'name') return;
    add(token.keys);
    // Two words of one part also as one, since compound names are written joined or apart.
    const next = tokens[i + 1];
    if (next?.class === 'name' && next.part === token.part) add(joinTokens(token, next).keys);
  });
  return [...codes].sort();
}
