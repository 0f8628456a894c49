import { Chip, Group, Input } from '@mantine/core';
import { useId } from 'react';

interface Option {
  value: string;
  label: string;
}

interface Common {
  label: string;
  description?: string;
  data: Option[];
  required?: boolean;
  error?: string | undefined;
}

type Props = Common &
  (
    | { multiple: true; value: string[]; onChange: (value: string[]) => void }
    | { multiple?: false; value: string | null; onChange: (value: string) => void }
  );

// Long labels wrap inside the chip instead of running off a phone's screen.
const chipStyles = {
  label: { whiteSpace: 'normal', height: 'auto', minHeight: 'var(--chip-size)', lineHeight: 1.3, paddingBlock: 6 },
} as const;

/** Options as large chips that wrap, in a fieldset named by its legend: quick to tap on a phone, one or several at a time. */
export function ChoiceChips(props: Props) {
  const { label, description, data, required, error } = props;
  const id = useId();
  const chips = (
    <Group gap="xs" mt={6}>
      {data.map((option) => (
        <Chip key={option.value} value={option.value} size="md" styles={chipStyles}>
          {option.label}
        </Chip>
      ))}
    </Group>
  );
  return (
    <fieldset className="choice-chips" aria-describedby={description || error ? `${id}-help` : undefined}>
      <Input.Label component="legend" required={required}>
        {label}
      </Input.Label>
      {description && <Input.Description id={`${id}-help`}>{description}</Input.Description>}
      {props.multiple ? (
        <Chip.Group multiple value={props.value} onChange={props.onChange}>
          {chips}
        </Chip.Group>
      ) : (
        <Chip.Group value={props.value} onChange={props.onChange}>
          {chips}
        </Chip.Group>
      )}
      {error && (
        <Input.Error mt={4} id={description ? undefined : `${id}-help`} role="alert">
          {error}
        </Input.Error>
      )}
    </fieldset>
  );
}
