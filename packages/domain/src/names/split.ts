import type { Script } from '../schemas/person.ts';
import { normaliseName } from './normalise.ts';
import { detectScript } from './script.ts';

/** One word of a name value, kept raw (for romanising) and normalised in its script. */
export interface RawToken {
  readonly raw: string;
  readonly norm: string;
  readonly script: Script;
  readonly particle: boolean;
}

/**
 * Articles, filiation words and honorifics. They are kept apart so that they neither make two names
 * match nor keep them apart. Compound prefixes (abd, abu, gebre, wolde) are joined to the next word
 * instead, and only count as particles when they stand alone.
 */
const words = (list: string): string[] => list.trim().split(/\s+/);

const particles = new Set([
  // Arabic article and filiation, Latin spellings
  ...words('al el ul il bin ben ibn ebn bint binti ould wad ag abu abou abo umm um om'),
  // Ethiopian filiation and titles
  ...words('wold wolde walda welde weld ato woizero weyzero wro woizerit weyzerit'),
  // Honorifics
  ...words('sheikh shaikh shaykh sheik haji hajji hadji hajj alhaj alhaji mullah mulla molla maulana mawlana khan jan mr mrs ms miss dr'),
  // Arabic script
  ...words('ال بن ابن بنت ولد ابو ام شيخ الشيخ حاج الحاج حاجي ملا خان جان'),
  // Ethiopic script
  ...words('ወልድ ወልደ አቶ ወይዘሮ ወይዘሪት'),
]);

/** Sun-letter forms of the article (ar-Rashid, as-Sayed): particles only before their own consonant. */
const assimilatedArticles = /^[aeu](sh|[rsdtzn])$/;

/** Words that begin a compound name and are written joined or apart: Abdul Rahman, Abu Bakr, Gebre Medhin. */
const compoundPrefixes = new Set(
  words(`abd abdul abdel abdal abdil abdur abder abdar abdus abdoul abu abou abo umm
    gebre gabre gebra ghebre wolde welde walda wolda haile hayle tekle takle habte
    عبد ابو ام ገብረ ወልደ ሀይለ ተክለ ሀብተ`),
);
const ullahWords = new Set(words('ullah ulla allah alla ollah الله'));
const dinWords = new Set(words('din deen dine ddin uddin eddine الدين'));
const dinArticles = new Set(words('al el ad ed ud ال'));

/** Ethiopian abbreviations written with a slash: G/Medhin = Gebre Medhin, W/Mariam = Wolde Mariam. */
const abbreviations: Readonly<Record<string, string>> = {
  g: 'gebre',
  gh: 'gebre',
  w: 'wolde',
  wo: 'wolde',
  h: 'haile',
  t: 'tekle',
  ገ: 'ገብረ',
  ወ: 'ወልደ',
  ሀ: 'ሀይለ',
  ኃ: 'ሀይለ',
  ሃ: 'ሀይለ',
  ተ: 'ተክለ',
};
const slashHonorifics = new Set(['w/ro', 'w/rt', 'w/t', 'ወ/ሮ', 'ወ/ሪት']);

function rawWords(value: string): string[] {
  return value
    .normalize('NFKC')
    .replace(/['’‘ʼʻʿʾ`´′]/g, '')
    .split(/[^\p{L}\p{M}\p{N}/]+/u)
    .flatMap(expandSlash)
    .filter((w) => w !== '');
}

function expandSlash(word: string): string[] {
  if (!word.includes('/')) return [word];
  const lower = word.toLowerCase();
  if (slashHonorifics.has(lower)) return [lower.startsWith('w') ? 'woizero' : 'ወይዘሮ'];
  const [head = '', ...rest] = word.split('/');
  const expanded = abbreviations[head.toLowerCase()];
  return expanded ? [`${expanded}${rest.join('')}`] : [head, ...rest];
}

interface Word {
  raw: string;
  norm: string;
  script: Script;
}

function toWord(raw: string, script?: Script): Word {
  const detected = detectScript(raw);
  const wordScript = detected === 'Zyyy' && script ? script : detected;
  return { raw, norm: normaliseName(raw, wordScript), script: wordScript };
}

function joinWords(a: Word, b: Word): Word {
  return { raw: a.raw + b.raw, norm: a.norm + b.norm, script: a.script };
}

/** Joins compound names (abd + X, X + ullah, X + al-din) that spellings write joined or apart. */
function joinCompounds(input: readonly Word[]): Word[] {
  const words = [...input];
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    const next = words[i + 1];
    const prev = out.at(-1);
    if (next && compoundPrefixes.has(word.norm)) {
      // Joined into the next word, which is examined in turn (abd + al + rahman).
      words[i + 1] = joinWords(word, next);
      continue;
    }
    if (prev && ullahWords.has(word.norm)) {
      out[out.length - 1] = joinWords(prev, word);
      continue;
    }
    if (prev && dinWords.has(word.norm)) {
      const beforeArticle = out.at(-2);
      if (dinArticles.has(prev.norm) && beforeArticle) {
        out.splice(-2, 2, joinWords(joinWords(beforeArticle, prev), word));
        continue;
      }
      if (prev.script === 'Arab' || word.norm === 'uddin' || word.norm === 'eddine') {
        out[out.length - 1] = joinWords(prev, word);
        continue;
      }
    }
    out.push(word);
  }
  return out;
}

function isParticle(word: Word, next: Word | undefined, alone: boolean): boolean {
  if (alone) return false;
  if (particles.has(word.norm)) return true;
  const sound = assimilatedArticles.exec(word.norm)?.[1];
  return sound !== undefined && next?.norm.startsWith(sound) === true;
}

/** Splits a name value into words, expands abbreviations, joins compounds and marks particles. */
export function splitValue(value: string, script?: Script): RawToken[] {
  const words = joinCompounds(rawWords(value).map((raw) => toWord(raw, script))).filter((w) => w.norm !== '');
  return words.map((word, i) => ({ ...word, particle: isParticle(word, words[i + 1], words.length === 1) }));
}
