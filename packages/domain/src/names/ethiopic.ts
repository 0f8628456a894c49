import { foldEthiopicChar } from './normalise.ts';

/** Latin consonant of each Ethiopic row (by the code point of its first order); '' for the glottal rows. */
const rowConsonants: ReadonlyMap<number, string> = new Map([
  [0x1200, 'h'],
  [0x1208, 'l'],
  [0x1210, 'h'],
  [0x1218, 'm'],
  [0x1220, 's'],
  [0x1228, 'r'],
  [0x1230, 's'],
  [0x1238, 'sh'],
  [0x1240, 'k'],
  [0x1248, 'kw'],
  [0x1250, 'k'],
  [0x1258, 'kw'],
  [0x1260, 'b'],
  [0x1268, 'v'],
  [0x1270, 't'],
  [0x1278, 'ch'],
  [0x1280, 'h'],
  [0x1288, 'hw'],
  [0x1290, 'n'],
  [0x1298, 'gn'],
  [0x12a0, ''],
  [0x12a8, 'k'],
  [0x12b0, 'kw'],
  [0x12b8, 'h'],
  [0x12c0, 'hw'],
  [0x12c8, 'w'],
  [0x12d0, ''],
  [0x12d8, 'z'],
  [0x12e0, 'zh'],
  [0x12e8, 'y'],
  [0x12f0, 'd'],
  [0x12f8, 'd'],
  [0x1300, 'j'],
  [0x1308, 'g'],
  [0x1310, 'gw'],
  [0x1318, 'g'],
  [0x1320, 't'],
  [0x1328, 'ch'],
  [0x1330, 'p'],
  [0x1338, 'ts'],
  [0x1340, 'ts'],
  [0x1348, 'f'],
  [0x1350, 'p'],
]);

/** Rows with labialised consonants: their orders are wä, –, wi, wa, we, wə. */
const labialisedRows = new Set([0x1248, 0x1258, 0x1288, 0x12b0, 0x12c0, 0x1310]);
/** The seven vowel orders and the eighth (wa); the sixth (ə) is null: silent or epenthetic. */
const orderVowels: readonly (string | null)[] = ['e', 'u', 'i', 'a', 'e', null, 'o', 'wa'];
const labialisedVowels: readonly (string | null)[] = ['e', 'u', 'i', 'a', 'e', 'u', 'o', 'a'];

interface Syllable {
  readonly consonant: string;
  /** null for the sixth order. */
  readonly vowel: string | null;
  /** First order (ä), spelt e or a. */
  readonly first: boolean;
}

function syllable(char: string): Syllable | undefined {
  const cp = foldEthiopicChar(char).codePointAt(0) ?? 0;
  const order = cp & 7;
  const row = cp - order;
  const consonant = rowConsonants.get(row);
  if (consonant === undefined) return undefined;
  const labial = labialisedRows.has(row);
  let vowel = (labial ? labialisedVowels : orderVowels)[order] ?? null;
  // Glottal and h rows: the first order sounds a (አበበ Abebe, ሀብተ Habte).
  if ((row === 0x12a0 || row === 0x1200) && order === 0) vowel = 'a';
  // A bare glottal stop of the sixth order is written as the vowel i (እ).
  if (consonant === '' && vowel === null) vowel = 'i';
  return { consonant, vowel, first: order === 0 && vowel === 'e' };
}

/**
 * Which sixth-order consonants get an epenthetic vowel (spelt e, which compares equal to i): a
 * word-initial cluster breaks after its first consonant (ግርማ Girma, ብሩክ Biruk), a medial cluster of
 * three after its second (ኣብርሃም Abreham), and a final cluster before its last consonant (መድህን
 * Medhin, ዮሐንስ Yohannes). A heuristic: Amharic syllabification also depends on the consonants.
 */
function epenthesis(syllables: readonly Syllable[]): Set<number> {
  const voiced = new Set<number>();
  let i = 0;
  while (i < syllables.length) {
    if (syllables[i]?.vowel !== null) {
      i++;
      continue;
    }
    const start = i;
    while (i < syllables.length && syllables[i]?.vowel === null) i++;
    const end = i - 1;
    const final = i >= syllables.length;
    const cluster = end - start + 1 + (final ? 0 : 1);
    if (final && end > start) voiced.add(end - 1);
    else if (!final && start === 0 && cluster >= 2) voiced.add(start);
    else if (!final && cluster >= 3) voiced.add(start + 1);
  }
  return voiced;
}

/**
 * Romanises one Ethiopic token (Amharic/Tigrinya), BGN/PCGN-like but spelt as names usually are: ä and
 * the epenthetic ə as e, ñ as gn (Desalegn); further keys without an initial epenthetic vowel and
 * with ä as a.
 */
export function ethiopicKeys(token: string): string[] {
  const syllables: Syllable[] = [];
  for (const char of token) {
    const s = syllable(char);
    if (s) syllables.push(s);
  }
  if (syllables.length === 0) return [];
  const voiced = epenthesis(syllables);
  const spell = (firstOrder: string, initialVowel: boolean): string =>
    syllables
      .map((s, i) => s.consonant + (s.first ? firstOrder : (s.vowel ?? (voiced.has(i) && (i > 0 || initialVowel) ? 'e' : ''))))
      .join('');
  // Tigrinya spellings often keep a word-initial cluster (Freweyni, Brhane).
  return [...new Set([spell('e', true), spell('e', false), spell('a', true)])];
}
