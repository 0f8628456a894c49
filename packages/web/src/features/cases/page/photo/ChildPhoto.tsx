import type { Child } from '@haven/domain';
import { Box, Button, Card, Center, FileButton, Group, Image, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../../components/ApiErrorAlert.tsx';
import { ConfirmButton } from '../../../../components/ConfirmButton.tsx';
import { LiveRegion } from '../../../../components/LiveRegion.tsx';
import { notifySuccess } from '../../../../components/notify.ts';
import { usePermission } from '../../../auth/api.ts';
import { ConsentNeeded } from '../../actions/ActionFormShell.tsx';
import { consentRequired } from '../../api.ts';
import { useCaseContext } from '../CaseContext.tsx';
import { isPhotoType, maxPhotoBytes, useObjectUrl, usePhoto, useRemovePhoto, useUploadPhoto } from './api.ts';

const WIDTH = 144;
const HEIGHT = 180;

/** The frame the photo (or its absence) sits in. */
function Frame({ children }: { children: ReactNode }) {
  return (
    <Box
      w={WIDTH}
      h={HEIGHT}
      style={{ flexShrink: 0, borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden', background: 'var(--mantine-color-gray-1)' }}
    >
      {children}
    </Box>
  );
}

/** The child's photo on the profile: shown to roles that may see photos, replaced or removed by those who may update the child. */
export function ChildPhoto({ child }: { child: Child }) {
  const { t } = useTranslation();
  const { childId, showTab } = useCaseContext();
  const canEdit = usePermission('child:update');
  const phone = useMediaQuery('(pointer: coarse)');
  const visible = child.hasPhoto !== undefined;
  const photo = usePhoto(childId, child.hasPhoto === true);
  const url = useObjectUrl(child.hasPhoto ? photo.data : null);
  const upload = useUploadPhoto(childId);
  const remove = useRemovePhoto(childId);
  const [refusal, setRefusal] = useState<string | null>(null);
  // The URL whose image would not display (blocked or unreadable): its place says so instead of showing a broken icon.
  const [broken, setBroken] = useState<string | null>(null);
  const error = upload.error ?? remove.error;
  const alt = child.displayName ? t('photo.alt', { name: child.displayName }) : t('photo.altUnnamed');

  const choose = (file: File | null) => {
    setRefusal(null);
    upload.reset();
    remove.reset();
    if (!file) return;
    if (!isPhotoType(file.type)) return setRefusal(t('photo.wrongType'));
    if (file.size > maxPhotoBytes) return setRefusal(t('photo.tooBig', { size: 3 }));
    upload.mutate({ file, type: file.type }, { onSuccess: () => notifySuccess(t('photo.saved')) });
  };

  const picture = !visible ? (
    <Center h="100%" p="xs">
      <Text size="sm" fs="italic" c="dimmed" ta="center">
        {t('profile.restricted')}
      </Text>
    </Center>
  ) : child.hasPhoto && (photo.isPending || (photo.data && !url)) ? (
    <Skeleton w={WIDTH} h={HEIGHT} aria-label={t('common.loading')} />
  ) : child.hasPhoto && url && broken !== url ? (
    <Image src={url} alt={alt} w={WIDTH} h={HEIGHT} fit="cover" onError={() => setBroken(url)} />
  ) : (
    <Center h="100%" p="xs">
      <Text size="sm" c="dimmed" ta="center">
        {child.hasPhoto && (photo.error || url) ? t('photo.unavailable') : t('photo.none')}
      </Text>
    </Center>
  );

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="profile-photo" mb="md">
      <Title order={3} size="h5" id="profile-photo" mb="xs">
        {t('photo.title')}
      </Title>
      <Group align="flex-start" gap="md">
        <Frame>{picture}</Frame>
        {visible && canEdit && (
          <Stack gap="xs" style={{ flex: '1 1 12rem', minWidth: 0 }}>
            <Group gap="xs">
              <FileButton onChange={choose} accept="image/jpeg,image/png,image/webp">
                {(props) => (
                  <Button {...props} variant="default" loading={upload.isPending}>
                    {child.hasPhoto ? t('photo.replace') : t('photo.choose')}
                  </Button>
                )}
              </FileButton>
              {phone && (
                <FileButton onChange={choose} accept="image/*" capture="environment">
                  {(props) => (
                    <Button {...props} variant="default" disabled={upload.isPending}>
                      {t('photo.takePhoto')}
                    </Button>
                  )}
                </FileButton>
              )}
              {child.hasPhoto && (
                <ConfirmButton
                  variant="subtle"
                  color="red"
                  title={t('photo.removeTitle')}
                  message={t('photo.removeConfirm')}
                  confirmLabel={t('photo.remove')}
                  loading={remove.isPending}
                  onConfirm={() => {
                    setRefusal(null);
                    upload.reset();
                    remove.mutate(undefined, { onSuccess: () => notifySuccess(t('photo.removed')) });
                  }}
                >
                  {t('photo.remove')}
                </ConfirmButton>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {t('photo.hint', { size: 3 })}
            </Text>
            <LiveRegion>
              {refusal && (
                <Text size="sm" c="red.8" role="alert">
                  {refusal}
                </Text>
              )}
              {consentRequired(error) ? <ConsentNeeded error={error} onGo={() => showTab('consents')} /> : <ApiErrorAlert error={error} />}
            </LiveRegion>
          </Stack>
        )}
      </Group>
    </Card>
  );
}
