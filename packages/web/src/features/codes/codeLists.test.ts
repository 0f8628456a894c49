import { describe, expect, it } from 'vitest';
import ar from '../../i18n/locales/ar.json';
import en from '../../i18n/locales/en.json';
import es from '../../i18n/locales/es.json';
import fr from '../../i18n/locales/fr.json';
import { codeLists } from './codeLists.ts';
import { countryCodes, countryName, languageCodes, languageLabel } from './format.ts';

const catalogs = { en, fr, es, ar } as const;

function lookup(catalog: unknown, key: string[]): unknown {
  return key.reduce<unknown>(
    (node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined),
    catalog,
  );
}

describe('code lists', () => {
  it.each(Object.keys(catalogs))('every value of every code list has a %s label', (locale) => {
    const catalog = catalogs[locale as keyof typeof catalogs];
    const missing = Object.entries(codeLists).flatMap(([list, values]) =>
      values
        .filter((value) => typeof lookup(catalog, ['code', list, ...value.split('.')]) !== 'string')
        .map((value) => `code.${list}.${value}`),
    );
    expect(missing).toEqual([]);
  });

  it('names countries and languages in the UI language', () => {
    expect(countryCodes).toContain('SY');
    expect(countryCodes).toContain('XK');
    expect(countryCodes).not.toContain('XX');
    expect(countryName('SY', 'fr')).toBe('Syrie');
    expect(countryName('XXA', 'en')).toBe('Stateless');
    const codes = languageCodes();
    expect(codes.length).toBeGreaterThan(7000);
    expect(codes).toContain('prs');
    expect(codes).not.toContain('per');
    expect(languageLabel('ara', 'fr')).toBe('arabe');
    expect(languageLabel('apc', 'en')).toMatch(/Levantine Arabic/);
  });
});
