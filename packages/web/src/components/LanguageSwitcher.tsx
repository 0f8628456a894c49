import { type Locale, locales } from '@haven/domain';
import { Box, Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languageNames } from '../i18n/i18n.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import { CheckIcon, ChevronDownIcon, GlobeIcon } from './icons.tsx';

/** Each language is offered under its own name, tagged with its `lang` so screen readers pronounce it. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          c="dark.7"
          leftSection={<GlobeIcon />}
          rightSection={
            <Box component="span" visibleFrom="xs" display="flex">
              <ChevronDownIcon />
            </Box>
          }
          styles={{ section: { marginInline: 4 } }}
          aria-label={t('language.choose', { language: languageNames[language] })}
          px="xs"
        >
          {/* On a phone the header has room for the language code only; the label names the language. */}
          <Text component="span" lang={language} visibleFrom="xs" inherit>
            {languageNames[language]}
          </Text>
          <Text component="span" lang={language} hiddenFrom="xs" inherit>
            {language.toUpperCase()}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {locales.map((locale: Locale) => (
          <Menu.Item
            key={locale}
            lang={locale}
            dir={locale === 'ar' ? 'rtl' : 'ltr'}
            onClick={() => void setLanguage(locale)}
            aria-current={locale === language ? 'true' : undefined}
            rightSection={locale === language ? <CheckIcon /> : null}
          >
            {languageNames[locale]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
