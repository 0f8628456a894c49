import { Trans } from 'react-i18next';

interface Props {
  i18nKey: 'duplicates.elsewhere' | 'duplicates.sideClosed';
  agency: string;
  reference: string;
}

/**
 * A sentence naming where a record is held and its reference. The reference never breaks at its hyphens,
 * and both are isolated so a Latin name or code keeps its place in an Arabic sentence.
 */
export function HeldElsewhere({ i18nKey, agency, reference }: Props) {
  return <Trans i18nKey={i18nKey} values={{ agency, reference }} components={{ agency: <bdi />, ref: <bdi className="mono nowrap" /> }} />;
}
