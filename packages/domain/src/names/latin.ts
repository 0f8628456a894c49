/**
 * Latin-side canonical forms, so that a key from another script and a Latin spelling meet:
 * Abdul/Abdel/Abdi/Abdur + Rahman → abdrahman, ...ullah/...allah → ullah, ...uddin/...eddine → uddin.
 */
export function canonicalLatin(token: string): string {
  const key = token.replace(/[^a-z]/g, '');
  const abd = /^abd(.{3,})$/.exec(key);
  if (abd?.[1] !== undefined) {
    const rest = dropLinkingVowel(abd[1]);
    // abd + hamid must not read as a dh: keep a vowel between them.
    return rest.startsWith('h') ? `abda${rest}` : `abd${rest}`;
  }
  const ullah = /^(.{3,}?)[aeiou]?llah?$/.exec(key);
  if (ullah?.[1] !== undefined) return `${ullah[1]}ullah`;
  const uddin = /^(.{3,}?)[aeiou]?l?d{1,2}(?:i|ee|ii)ne?$/.exec(key);
  if (uddin?.[1] !== undefined) return `${uddin[1]}uddin`;
  return key;
}

/** The linking article after abd: ul-, el-, ur-r (assimilated), i-. */
function dropLinkingVowel(rest: string): string {
  if (/^[aeiou]l/.test(rest) && rest.length >= 4) return rest.slice(2);
  if (/^[aeiou]([^aeiou])\1/.test(rest)) return rest.slice(2);
  if (/^[aeiou][^aeiou]/.test(rest) && rest.length >= 4) return rest.slice(1);
  return rest;
}

/**
 * Other readings of a Latin spelling: Somali orthography (x = ḥ, c = ʿ: Maxamed, Cabdi), French
 * ch = sh and dj = j (Hicham, Djamila), and a joined article (Alhassan).
 */
export function latinVariants(token: string): string[] {
  const variants: string[] = [];
  if (/x|c(?!h)/.test(token)) variants.push(token.replace(/x/g, 'h').replace(/c(?!h)/g, ''));
  if (/(?<!t)ch|dj/.test(token)) variants.push(token.replace(/(?<!t)ch/g, 'sh').replace(/dj/g, 'j'));
  const article = /^[ae]l(.{4,})$/.exec(token);
  if (article?.[1] !== undefined) variants.push(article[1]);
  return variants;
}

/** Latin keys of one token: the canonical spelling and its variants, at most `limit`. */
export function latinTokenKeys(token: string, limit = 4): string[] {
  const base = token.replace(/[^a-z]/g, '');
  if (base === '') return [];
  const keys = [base, ...latinVariants(base)].map(canonicalLatin).filter((k) => k !== '');
  return [...new Set(keys)].slice(0, limit);
}
