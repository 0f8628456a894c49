import { icaoNationalityCodes } from '@haven/domain';
import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { commonLanguages, countryCodes, countryName, languageCodes, languageLabel } from './format.ts';

function sortedByLabel(items: ComboboxItem[], language: string): ComboboxItem[] {
  const collator = new Intl.Collator(language);
  return items.sort((a, b) => collator.compare(a.label, b.label));
}

/** Countries by their name in the UI language; for nationality, the ICAO codes for "no nationality" first. */
export function useCountryOptions(withIcao: boolean): ComboboxItemGroup<ComboboxItem>[] | ComboboxItem[] {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const countries = sortedByLabel(
      countryCodes.map((code) => ({ value: code, label: countryName(code, language) })),
      language,
    );
    if (!withIcao) return countries;
    return [
      { group: t('codes.noNationality'), items: icaoNationalityCodes.map((code) => ({ value: code, label: countryName(code, language) })) },
      { group: t('codes.countries'), items: countries },
    ];
  }, [withIcao, language, t]);
}

const languageItems = new Map<string, { common: ComboboxItem[]; others: ComboboxItem[] }>();

/** Some 7,800 labelled languages: built once per UI language. */
function languagesIn(language: string) {
  let items = languageItems.get(language);
  if (!items) {
    const common = new Set<string>(commonLanguages);
    const item = (code: string): ComboboxItem => ({ value: code, label: `${languageLabel(code, language)} (${code})` });
    items = {
      common: sortedByLabel(commonLanguages.map(item), language),
      others: sortedByLabel(
        languageCodes()
          .filter((code) => !common.has(code))
          .map(item),
        language,
      ),
    };
    languageItems.set(language, items);
  }
  return items;
}

/** Every ISO 639-3 language, the ones often spoken by children in migration first; labels show the code too. */
export function useLanguageOptions(): ComboboxItemGroup<ComboboxItem>[] {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const { common, others } = languagesIn(language);
    return [
      { group: t('codes.commonLanguages'), items: common },
      { group: t('codes.allLanguages'), items: others },
    ];
  }, [language, t]);
}
