import type { NamePart, NamePartType, Script } from '../schemas/person.ts';
import { type Form, latinForm, romaniseToken } from './romanise.ts';
import { splitValue } from './split.ts';

export type TokenClass = 'name' | 'particle';

export interface NameToken {
  /** The word normalised in its own script. */
  readonly value: string;
  readonly script: Script;
  readonly part: NamePartType;
  readonly class: TokenClass;
  /** Romanised lowercase Latin keys, including recorded romanisations. */
  readonly keys: readonly string[];
}

/** A token with the forms used to compare it (internal to matching). */
export interface AnalysedToken extends NameToken {
  readonly raw: string;
  readonly forms: readonly Form[];
}

/** A name part as stored, or as typed before validation. */
export type NameInput = Pick<NamePart, 'type' | 'value'> & {
  readonly script?: Script | undefined;
  readonly romanisations?: readonly string[] | undefined;
};

function analysePart(part: NameInput): AnalysedToken[] {
  const raw = splitValue(part.value, part.script);
  const tokens = raw.map((t): AnalysedToken => {
    const roman = romaniseToken(t);
    return {
      raw: t.raw,
      value: t.norm,
      script: t.script,
      part: part.type,
      class: t.particle ? 'particle' : 'name',
      keys: roman.keys,
      forms: roman.forms,
    };
  });
  return withRomanisations(tokens, part.romanisations ?? []);
}

/**
 * Adds recorded romanisations word by word when they have as many name words as the value; otherwise
 * the word-to-word correspondence is unknown and they are left out.
 */
function withRomanisations(tokens: readonly AnalysedToken[], romanisations: readonly string[]): AnalysedToken[] {
  const nameCount = tokens.filter((t) => t.class === 'name').length;
  let out = [...tokens];
  for (const romanisation of romanisations) {
    const words = splitValue(romanisation, 'Latn').filter((t) => !t.particle);
    if (words.length !== nameCount) continue;
    let index = 0;
    out = out.map((token) => {
      if (token.class !== 'name') return token;
      const word = words[index++];
      if (!word) return token;
      const extra = romaniseToken({ ...word, script: 'Latn' }).keys.filter((k) => !token.keys.includes(k));
      return { ...token, keys: [...token.keys, ...extra], forms: [...token.forms, ...extra.map(latinForm)] };
    });
  }
  return out;
}

export function analyseNames(names: readonly NameInput[]): AnalysedToken[] {
  return names.flatMap(analysePart);
}

/** Two adjacent words read as one (Mohamed Amin → Mohamedamin). */
export function joinTokens(a: AnalysedToken, b: AnalysedToken): AnalysedToken {
  const raw = a.raw + b.raw;
  const norm = a.value + b.value;
  const roman = romaniseToken({ raw, norm, script: a.script });
  return { ...a, raw, value: norm, keys: roman.keys, forms: roman.forms };
}

/** The words of a person's names with their class (name or particle), part type and Latin keys. */
export function nameTokens(names: readonly NameInput[]): NameToken[] {
  return analyseNames(names).map(({ forms: _forms, raw: _raw, ...token }) => token);
}
