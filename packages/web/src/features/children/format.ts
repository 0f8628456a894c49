import i18n from '../../i18n/i18n.ts';

const specialNationalities = new Set(['XXA', 'XXB', 'XXC', 'XXX']);

/** A nationality code in the UI language: `SY` → "Syria" / "Syrie" / "سوريا"; ICAO codes via the catalogue. */
export function nationalityName(code: string, language = i18n.language): string {
  if (specialNationalities.has(code)) return i18n.t(`nationality.${code}`);
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatDate(iso: string | null | undefined, language = i18n.language): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(iso: string | null | undefined, language = i18n.language): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}
