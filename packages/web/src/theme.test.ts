import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { cssVariablesResolver, theme } from './theme.ts';

const channel = (hex: string, at: number) => {
  const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const luminance = (hex: string) => 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

describe('theme colours', () => {
  const merged = mergeMantineTheme(DEFAULT_THEME, theme);
  const light = cssVariablesResolver(merged).light;
  it.each(['green', 'orange', 'yellow'])(
    '%s text of light badges and alerts reaches AA contrast on its background and on white',
    (color) => {
      const text = light[`--mantine-color-${color}-light-color`];
      expect(text).toBeDefined();
      const background = merged.colors[color]?.[1] ?? '';
      expect(contrast(text ?? '', background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(text ?? '', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    },
  );
});
