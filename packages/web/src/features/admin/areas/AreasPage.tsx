import { JurisdictionCode } from '@haven/domain';
import { Box, Button, Card, Group, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/FormModal.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useMe, usePermission } from '../../auth/api.ts';
import { type AdminArea, areaName } from '../../codes/adminAreas.ts';
import { AreaForm } from './AreaForm.tsx';
import { useAreasOf } from './api.ts';
import { type AreaEdit, maxAreaLevel } from './areaForm.ts';

interface Node {
  area: AdminArea;
  children: Node[];
}

/** Areas as a forest: each under its parent, in code order; an area whose parent is missing is shown at the top. */
function buildTree(areas: readonly AdminArea[]): Node[] {
  const nodes = new Map(areas.map((area) => [area.code, { area, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const node of [...nodes.values()].sort((a, b) => a.area.code.localeCompare(b.area.code))) {
    const parent = node.area.parentCode ? nodes.get(node.area.parentCode) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

interface TreeProps {
  nodes: Node[];
  language: string;
  canManage: boolean;
  onEdit: (edit: AreaEdit) => void;
  label?: string;
}

function AreaList({ nodes, language, canManage, onEdit, label }: TreeProps) {
  const { t } = useTranslation();
  return (
    <Box component="ul" aria-label={label} m={0} p={0} style={{ listStyle: 'none' }}>
      {nodes.map(({ area, children }) => {
        const name = areaName(area, language);
        return (
          <li key={area.code}>
            <Group justify="space-between" gap="xs" py={6} wrap="wrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
              <div style={{ minWidth: 0, flex: '1 1 10rem' }}>
                <Text fw={area.level === 1 ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
                  <bdi>{name}</bdi>
                </Text>
                <Text size="xs" c="dimmed">
                  <bdi className="mono">{area.code}</bdi> · {t('areas.level', { level: area.level })}
                </Text>
              </div>
              {canManage && (
                <Group gap={6} wrap="nowrap">
                  {area.level < maxAreaLevel && (
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() => onEdit({ mode: 'add', parent: area, jurisdiction: area.jurisdiction })}
                      aria-label={t('areas.addUnder', { name })}
                    >
                      {t('areas.addSub')}
                    </Button>
                  )}
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => onEdit({ mode: 'rename', area })}
                    aria-label={t('areas.renameNamed', { name })}
                  >
                    {t('areas.rename')}
                  </Button>
                </Group>
              )}
            </Group>
            {children.length > 0 && (
              <Box ps={{ base: 'sm', sm: 'lg' }} style={{ borderInlineStart: '2px solid var(--mantine-color-gray-3)' }} ms={6}>
                <AreaList nodes={children} language={language} canManage={canManage} onEdit={onEdit} />
              </Box>
            )}
          </li>
        );
      })}
    </Box>
  );
}

/** The administrative hierarchy locations are recorded on: browse it by jurisdiction, add areas, rename them. */
export function AreasPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const canManage = usePermission('agency:manage');
  const [typed, setTyped] = useState(me.user.jurisdiction.slice(0, 2));
  const [debounced] = useDebouncedValue(typed.trim().toUpperCase(), 300);
  const valid = JurisdictionCode.safeParse(debounced);
  const jurisdiction = valid.success ? valid.data : '';
  const areas = useAreasOf(jurisdiction);
  const tree = useMemo(() => buildTree(areas.data ?? []), [areas.data]);
  const [edit, setEdit] = useState<AreaEdit | null>(null);
  const editName = edit?.mode === 'rename' ? areaName(edit.area, i18n.language) : edit?.parent ? areaName(edit.parent, i18n.language) : '';
  const title =
    edit?.mode === 'rename'
      ? t('areas.renameTitle', { name: editName })
      : edit?.parent
        ? t('areas.newUnder', { name: editName })
        : t('areas.newTop');

  return (
    <>
      <PageTitle
        title={t('areas.title')}
        description={t('areas.intro')}
        actions={
          canManage && (
            <Button onClick={() => setEdit({ mode: 'add', parent: null, jurisdiction })} disabled={!jurisdiction}>
              {t('areas.add')}
            </Button>
          )
        }
      />
      <TextInput
        label={t('areas.jurisdiction')}
        description={t('common.jurisdictionHint')}
        value={typed}
        onChange={(event) => setTyped(event.currentTarget.value)}
        error={typed.trim() !== '' && debounced === typed.trim().toUpperCase() && !valid.success ? t('validation.format') : undefined}
        autoCapitalize="characters"
        autoComplete="off"
        dir="ltr"
        maw={240}
        mb="md"
        classNames={{ input: 'mono' }}
      />
      <QueryState isPending={jurisdiction !== '' && areas.isPending} error={areas.error}>
        <Card withBorder padding="md">
          {tree.length === 0 ? (
            <Text c="dimmed">{t('areas.empty')}</Text>
          ) : (
            <AreaList
              nodes={tree}
              language={i18n.language}
              canManage={canManage}
              onEdit={setEdit}
              label={t('areas.tree', { jurisdiction })}
            />
          )}
        </Card>
      </QueryState>
      <FormModal opened={edit !== null} onClose={() => setEdit(null)} title={title}>
        {edit && <AreaForm edit={edit} onDone={() => setEdit(null)} />}
      </FormModal>
    </>
  );
}
