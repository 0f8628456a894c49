import type { Script } from '../schemas/person.ts';

const scriptPatterns: ReadonlyArray<readonly [Script, RegExp]> = [
  ['Latn', /\p{Script=Latin}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Ethi', /\p{Script=Ethiopic}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Beng', /\p{Script=Bengali}/u],
  ['Mymr', /\p{Script=Myanmar}/u],
  ['Thaa', /\p{Script=Thaana}/u],
];

/** The script of most letters in `value`; `Zyyy` when it has no letters of a known script. */
export function detectScript(value: string): Script {
  const counts = new Map<Script, number>();
  for (const char of value) {
    if (!/\p{L}/u.test(char)) continue;
    const found = scriptPatterns.find(([, pattern]) => pattern.test(char));
    if (found) counts.set(found[0], (counts.get(found[0]) ?? 0) + 1);
  }
  let best: Script = 'Zyyy';
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}
