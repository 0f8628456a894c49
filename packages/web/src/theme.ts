import { type CSSVariablesResolver, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on filled buttons above WCAG AA contrast (4.5:1).
  primaryShade: { light: 8, dark: 5 },
  focusRing: 'auto',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
  },
});

/** Green, orange and yellow text dark enough for AA contrast (4.5:1) on white and on their own light backgrounds. */
export const textGreen = '#1e6b30';
export const textOrange = '#a33f00';
export const textYellow = '#7a4a00';

/**
 * Dimmed text in Mantine's default light theme is below AA contrast; use a darker grey. The same holds for
 * the text of light green, orange and yellow badges and alerts (green shade 9 is 3.8:1 on its light background,
 * the yellow title of a 'consent needed' or 'separates siblings' alert 2.7:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-green-light-color': textGreen,
    '--mantine-color-orange-light-color': textOrange,
    '--mantine-color-yellow-light-color': textYellow,
  },
  dark: {},
});
