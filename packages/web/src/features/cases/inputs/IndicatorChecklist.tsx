import type { ScreeningIndicator } from '@haven/domain';
import { Checkbox, SimpleGrid, Stack } from '@mantine/core';
import { indicatorsByGroup } from '../../codes/codeLists.ts';
import { useCodes } from '../../codes/useCodes.ts';

interface Props {
  value: ScreeningIndicator[];
  onChange: (value: ScreeningIndicator[]) => void;
  /** Indicators noticed earlier (at first contact), marked as such. */
  noticedEarlier?: readonly string[];
  noticedLabel?: string;
}

/** Screening indicators as checkboxes in four groups: trafficking, exploitation, trauma, other risks. */
export function IndicatorChecklist({ value, onChange, noticedEarlier = [], noticedLabel }: Props) {
  const codes = useCodes();
  const groups = indicatorsByGroup();
  const selected = new Set(value);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      {groups.map(({ group, indicators }) => (
        <Checkbox.Group
          key={group}
          label={codes.label('indicatorGroup', group)}
          value={indicators.filter((i) => selected.has(i))}
          onChange={(checked) => onChange([...value.filter((i) => !indicators.includes(i)), ...(checked as ScreeningIndicator[])])}
        >
          <Stack gap={8} mt={6}>
            {indicators.map((indicator) => (
              <Checkbox
                key={indicator}
                value={indicator}
                label={codes.label('screeningIndicator', indicator)}
                description={noticedEarlier.includes(indicator) ? noticedLabel : undefined}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      ))}
    </SimpleGrid>
  );
}
