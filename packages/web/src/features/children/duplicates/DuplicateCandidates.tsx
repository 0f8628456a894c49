import type { DuplicateCandidate, DuplicateElsewhere, DuplicateInScope } from '@haven/domain';
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Facts } from '../../../components/Facts.tsx';
import { textGreen } from '../../../theme.ts';
import { CaseStatusBadge } from '../../cases/badges.tsx';
import { countryName, formatList } from '../../codes/format.ts';
import { useCodes } from '../../codes/useCodes.ts';
import { ChildName } from '../ChildName.tsx';
import { HeldElsewhere } from './HeldElsewhere.tsx';

const effectColor: Record<string, string> = { supports: textGreen, weakens: 'red.9', neutral: 'gray.7' };

/** Why a record may be the same child: each reason marked as supporting or weakening the match. */
function MatchReasons({ reasons }: { reasons: DuplicateInScope['reasons'] }) {
  const { t } = useTranslation();
  const codes = useCodes();
  return (
    <Group gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('duplicates.reasons')}>
      {reasons.map((reason) => (
        <Badge component="li" key={reason.detail} variant="outline" color={effectColor[reason.effect] ?? 'gray.7'} size="sm" tt="none">
          {reason.effect === 'supports' ? '+ ' : reason.effect === 'weakens' ? '− ' : ''}
          {codes.label('matchReason', reason.detail)}
        </Badge>
      ))}
    </Group>
  );
}

function LikelihoodBadge({ likelihood }: { likelihood: DuplicateCandidate['likelihood'] }) {
  const codes = useCodes();
  return (
    <Badge color={likelihood === 'likely' ? 'red.9' : 'yellow.4'} c={likelihood === 'likely' ? undefined : 'dark.9'}>
      {codes.label('likelihood', likelihood)}
    </Badge>
  );
}

/** A record the reader may open: its name (when their role shows identity), facts and the match reasons. */
function RecordCandidate({ candidate, newTab }: { candidate: DuplicateInScope; newTab: boolean | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <Group gap="xs" justify="space-between">
        <LikelihoodBadge likelihood={candidate.likelihood} />
        <CaseStatusBadge status={candidate.status as 'open'} />
      </Group>
      <Anchor component={Link} to={`/children/${candidate.childId}`} fw={600} {...(newTab ? { target: '_blank', rel: 'noopener' } : {})}>
        <ChildName child={candidate} />{' '}
        <Text span size="xs" className="mono" c="dimmed">
          {candidate.reference}
        </Text>
      </Anchor>
      <Facts
        c="dimmed"
        items={[
          t(`enums.sex.${candidate.sex}`, { defaultValue: candidate.sex }),
          candidate.birthYear ? t('duplicates.born', { year: candidate.birthYear }) : null,
          formatList(candidate.nationality.map((code) => countryName(code))),
        ]}
      />
      <MatchReasons reasons={candidate.reasons} />
    </>
  );
}

/** A record outside the reader's scope: only where it is, its reference and the score band. */
function ElsewhereCandidate({ candidate }: { candidate: DuplicateElsewhere }) {
  return (
    <>
      <LikelihoodBadge likelihood={candidate.likelihood} />
      <Text size="sm">
        <HeldElsewhere i18nKey="duplicates.elsewhere" agency={candidate.agencyName} reference={candidate.reference} />
      </Text>
    </>
  );
}

interface Props {
  candidates: DuplicateCandidate[];
  /** Buttons for a record in scope (merge, say). */
  actions?: (candidate: DuplicateInScope) => ReactNode;
  /** Buttons for a record outside the reader's scope (ask for a review). */
  elsewhereActions?: (candidate: DuplicateElsewhere) => ReactNode;
  /** Open candidates in a new tab (while a form is being filled). */
  newTab?: boolean;
}

/** Registered children who may be the same child, most likely first, with the reasons. */
export function DuplicateCandidates({ candidates, actions, elsewhereActions, newTab }: Props) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {candidates.map((candidate) => (
        <Paper component="li" key={candidate.childId} withBorder p="sm">
          <Stack gap={6}>
            {candidate.scope === 'record' ? (
              <>
                <RecordCandidate candidate={candidate} newTab={newTab} />
                {actions?.(candidate)}
              </>
            ) : (
              <>
                <ElsewhereCandidate candidate={candidate} />
                {elsewhereActions?.(candidate)}
              </>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
