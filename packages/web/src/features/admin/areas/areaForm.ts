import { LocationCode } from '@haven/domain';
import { z } from 'zod';
import type { AdminArea } from '../../codes/adminAreas.ts';

export const areaLanguages = ['en', 'fr', 'es', 'ar'] as const;
export type AreaLanguage = (typeof areaLanguages)[number];

const optionalName = z.string().trim().max(200).optional();

/** What the area form validates: a code that extends its parent's, and a name in English at least. */
export function areaFormSchema(parentCode: string | null) {
  return z.object({
    code: LocationCode.refine((code) => parentCode === null || (code.startsWith(`${parentCode}-`) && code.length > parentCode.length + 1), {
      params: { i18nKey: 'areas.codeExtend' },
    }),
    names: z.object({ en: z.string().trim().min(1).max(200), fr: optionalName, es: optionalName, ar: optionalName }),
  });
}
export type AreaFormValues = z.input<ReturnType<typeof areaFormSchema>>;
export type AreaFormOutput = z.output<ReturnType<typeof areaFormSchema>>;

/** What `PUT /admin-areas` takes for one area. */
export interface AreaPayload {
  code: string;
  jurisdiction: string;
  parentCode: string | null;
  level: number;
  names: Partial<Record<AreaLanguage, string>> & { en: string };
}

/** The deepest level the hierarchy allows. */
export const maxAreaLevel = 6;

/** What the area dialog is doing: adding an area (at the top or inside `parent`), or renaming `area`. */
export type AreaEdit = { mode: 'add'; parent: AdminArea | null; jurisdiction: string } | { mode: 'rename'; area: AdminArea };

export function toPayload(edit: AreaEdit, values: AreaFormOutput): AreaPayload {
  const names = Object.fromEntries(
    Object.entries(values.names).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
  ) as AreaPayload['names'];
  if (edit.mode === 'rename') {
    const { area } = edit;
    return { code: area.code, jurisdiction: area.jurisdiction, parentCode: area.parentCode, level: area.level, names };
  }
  const { parent } = edit;
  return {
    code: values.code,
    jurisdiction: parent?.jurisdiction ?? edit.jurisdiction,
    parentCode: parent?.code ?? null,
    level: parent ? parent.level + 1 : 1,
    names,
  };
}
