import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';

export interface AdminArea {
  code: string;
  jurisdiction: string;
  parentCode: string | null;
  level: number;
  names: Record<string, string>;
}

export function areaName(area: AdminArea, language: string): string {
  return area.names[language] ?? area.names.en ?? Object.values(area.names)[0] ?? area.code;
}

/**
 * The administrative areas locations are recorded on, named in the UI language. Options are in
 * tree order with the parent's name before a sub-area's ("Attica › Piraeus"), so a search on either finds it.
 */
export function useAdminAreas() {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: ['admin-areas'],
    queryFn: ({ signal }) => api.get<{ items: AdminArea[] }>('/admin-areas', { signal }),
    select: (data) => data.items,
    staleTime: 60 * 60_000,
  });
  const language = i18n.language;
  return useMemo(() => {
    const areas = query.data ?? [];
    const byCode = new Map(areas.map((area) => [area.code, area]));
    const path = (area: AdminArea): string => {
      const parent = area.parentCode ? byCode.get(area.parentCode) : undefined;
      return parent ? `${path(parent)} › ${areaName(area, language)}` : areaName(area, language);
    };
    const options = areas.map((area) => ({ value: area.code, label: path(area) })).sort((a, b) => a.value.localeCompare(b.value));
    return {
      ...query,
      options,
      /** The area's name (with its parents), or the code when it is not in the list. */
      label: (code: string | null | undefined): string => {
        if (!code) return '';
        const area = byCode.get(code);
        return area ? path(area) : code;
      },
    };
  }, [query, language]);
}
