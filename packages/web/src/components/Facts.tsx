import { Text, type TextProps } from '@mantine/core';

/**
 * Short facts on one line, separated by a middle dot. Each is isolated (`<bdi>`), so a date, a
 * name or a code written in the other direction never reorders its neighbours in Arabic.
 */
export function Facts({ items, ...props }: { items: (string | null | undefined | false)[] } & TextProps) {
  const shown = items.filter((item): item is string => typeof item === 'string' && item !== '');
  if (shown.length === 0) return null;
  return (
    <Text size="sm" {...props}>
      {shown.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: facts may repeat; their order is their identity.
        <span key={index}>
          {index > 0 && ' · '}
          <bdi>{item}</bdi>
        </span>
      ))}
    </Text>
  );
}
