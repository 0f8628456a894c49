import { z } from 'zod';

/**
 * A person's name as a list of parts, because names in the regions Haven serves are chains
 * (given name + father's + grandfather's) as often as given + family, and are written in
 * several scripts. Each part keeps its script (ISO 15924) and any romanisations recorded.
 */
export const namePartTypes = ['given', 'father', 'grandfather', 'family', 'nickname', 'other'] as const;
export const NamePartType = z.enum(namePartTypes);
export type NamePartType = z.infer<typeof NamePartType>;

/** ISO 15924 codes of the scripts Haven expects; `Zyyy` (common) for anything else. */
export const scripts = ['Latn', 'Arab', 'Ethi', 'Cyrl', 'Grek', 'Hebr', 'Deva', 'Beng', 'Mymr', 'Thaa', 'Zyyy'] as const;
export const Script = z.enum(scripts);
export type Script = z.infer<typeof Script>;

const NameText = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .overwrite((value) => value.normalize('NFC'));

export const NamePart = z.object({
  type: NamePartType,
  value: NameText,
  /** Detected from the value when absent. */
  script: Script.optional(),
  romanisations: z.array(NameText).max(5).default([]),
});
export type NamePart = z.infer<typeof NamePart>;
export type NamePartInput = z.input<typeof NamePart>;

export const Names = z.array(NamePart).min(1).max(12);
