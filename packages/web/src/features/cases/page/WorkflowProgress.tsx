import { type CaseStatus, type WorkflowStep, workflowSteps } from '@haven/domain';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCodes } from '../../codes/useCodes.ts';

/** The six case management steps, the current one marked; on phones only its name shows beside the bar. */
export function WorkflowProgress({ step, status }: { step: WorkflowStep; status: CaseStatus }) {
  const { t } = useTranslation();
  const codes = useCodes();
  const current = status === 'closed' ? workflowSteps.length : workflowSteps.indexOf(step);
  return (
    <nav aria-label={t('cases.progress')}>
      <Text size="sm" mb={6} hiddenFrom="sm">
        {status === 'closed'
          ? codes.label('caseStatus', 'closed')
          : t('cases.stepOf', { number: current + 1, total: workflowSteps.length, step: codes.label('workflowStep', step) })}
      </Text>
      <ol className="workflow-progress">
        {workflowSteps.map((name, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'todo';
          return (
            <li key={name} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="workflow-progress-bar" aria-hidden="true" />
              <span className="workflow-progress-label">
                {codes.label('workflowStep', name)}
                <span className="visually-hidden"> ({t(`cases.stepState.${state}`)})</span>
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
