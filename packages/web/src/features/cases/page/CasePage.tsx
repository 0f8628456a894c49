import type { CaseView, Child } from '@haven/domain';
import { Anchor, Badge, Stack, Tabs } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { QueryState } from '../../../components/QueryState.tsx';
import { usePermission } from '../../auth/api.ts';
import { useChild } from '../../children/api.ts';
import { useCaseView } from '../api.ts';
import { CaseProvider, type CaseTab, caseTabs } from './CaseContext.tsx';
import { CaseHeader } from './CaseHeader.tsx';
import { ConsentsSection } from './ConsentsSection.tsx';
import { DuplicatesSection } from './DuplicatesSection.tsx';
import { OverviewSection } from './OverviewSection.tsx';
import { ProfileSection } from './profile/ProfileSection.tsx';
import { RelationsSection } from './RelationsSection.tsx';
import { TimelineSection } from './TimelineSection.tsx';

const isTab = (value: string | null): value is CaseTab => (caseTabs as readonly (string | null)[]).includes(value);

function CaseTabs({ view, child }: { view: CaseView; child: Child | undefined }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const canListChildren = usePermission('child:list');
  const narrow = useMediaQuery('(max-width: 48em)');
  const requested = params.get('tab');
  const tab: CaseTab = isTab(requested) ? requested : 'overview';
  const showTab = useCallback(
    (next: CaseTab) => {
      setParams(next === 'overview' ? {} : { tab: next }, { replace: true });
      // Keyboard and screen-reader users land on the section they were sent to.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
    },
    [setParams],
  );
  const context = useMemo(() => ({ childId: view.childId, view, child, showTab }), [view, child, showTab]);
  const missingConsents = Object.values(view.consents.byScope).filter((check) => !check.valid).length;
  const tabs: { value: CaseTab; label: string; badge?: number }[] = [
    { value: 'overview', label: t('caseTabs.overview'), badge: view.tasks.filter((task) => task.overdue).length },
    { value: 'profile', label: t('caseTabs.profile') },
    { value: 'timeline', label: t('caseTabs.timeline'), badge: view.events.length },
    { value: 'consents', label: t('caseTabs.consents'), badge: missingConsents },
    { value: 'family', label: t('caseTabs.family'), badge: view.relations.length },
    ...(canListChildren ? [{ value: 'duplicates' as const, label: t('caseTabs.duplicates') }] : []),
  ];
  return (
    <CaseProvider value={context}>
      <Stack gap="md">
        <CaseHeader />
        <Tabs value={tab} onChange={(value) => isTab(value) && showTab(value)} keepMounted={false} variant={narrow ? 'pills' : 'outline'}>
          <Tabs.List>
            {tabs.map((item) => (
              <Tabs.Tab
                key={item.value}
                value={item.value}
                rightSection={
                  item.badge ? (
                    <Badge
                      size="xs"
                      circle={item.badge < 10}
                      variant={item.value === 'overview' ? 'filled' : 'light'}
                      color={item.value === 'overview' ? 'red.9' : 'gray'}
                    >
                      {item.badge}
                    </Badge>
                  ) : null
                }
              >
                {item.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="overview" pt="md">
            <OverviewSection />
          </Tabs.Panel>
          <Tabs.Panel value="profile" pt="md">
            <ProfileSection />
          </Tabs.Panel>
          <Tabs.Panel value="timeline" pt="md">
            <TimelineSection />
          </Tabs.Panel>
          <Tabs.Panel value="consents" pt="md">
            <ConsentsSection />
          </Tabs.Panel>
          <Tabs.Panel value="family" pt="md">
            <RelationsSection />
          </Tabs.Panel>
          {canListChildren && (
            <Tabs.Panel value="duplicates" pt="md">
              <DuplicatesSection />
            </Tabs.Panel>
          )}
        </Tabs>
      </Stack>
    </CaseProvider>
  );
}

/** The case page: who the child is, what is due, what can be done, and the whole history. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const canList = usePermission('child:list');
  const view = useCaseView(id);
  const child = useChild(id);
  return (
    <Stack gap="sm">
      {canList && (
        <Anchor component={Link} to="/children" size="sm" w="fit-content">
          {t('children.backToList')}
        </Anchor>
      )}
      <QueryState isPending={view.isPending || child.isPending} error={view.error}>
        {view.data && <CaseTabs view={view.data} child={child.data} />}
      </QueryState>
    </Stack>
  );
}
