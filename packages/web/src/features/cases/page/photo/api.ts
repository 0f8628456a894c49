import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../../../api/client.ts';
import { childKey } from '../../../children/api.ts';

/** The largest photo the server accepts. */
export const maxPhotoBytes = 3 * 1024 * 1024;
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof photoTypes)[number];

export const isPhotoType = (type: string): type is PhotoType => (photoTypes as readonly string[]).includes(type);

export const photoKey = (childId: string) => ['children', 'photo', childId] as const;

/** The child's photo, or `null` when none is stored. */
export function usePhoto(childId: string, enabled: boolean) {
  return useQuery({
    queryKey: photoKey(childId),
    enabled,
    queryFn: async ({ signal }) => {
      try {
        return await api.getBlob(`/children/${childId}/photo`, { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** A URL for showing `blob` in an `<img>`, released when the blob changes or the component goes. */
export function useObjectUrl(blob: Blob | null | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) {
      setUrl(null);
      return;
    }
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}

function usePhotoMutation<T>(childId: string, call: (input: T) => Promise<void>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: photoKey(childId) }),
        client.invalidateQueries({ queryKey: childKey(childId) }),
      ]);
    },
  });
}

export const useUploadPhoto = (childId: string) =>
  usePhotoMutation(childId, ({ file, type }: { file: Blob; type: PhotoType }) =>
    api.putBytes<void>(`/children/${childId}/photo`, file, type),
  );

export const useRemovePhoto = (childId: string) => usePhotoMutation(childId, () => api.delete<void>(`/children/${childId}/photo`));
