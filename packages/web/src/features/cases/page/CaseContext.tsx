import type { CaseView, Child } from '@haven/domain';
import { createContext, useContext } from 'react';

export const caseTabs = ['overview', 'profile', 'timeline', 'consents', 'family', 'duplicates'] as const;
export type CaseTab = (typeof caseTabs)[number];

export interface CaseContextValue {
  childId: string;
  view: CaseView;
  /** The child's record, when the role may read it (it may still hide field groups). */
  child: Child | undefined;
  /** Brings a section of the case page into view (after a refusal that points to it, say). */
  showTab: (tab: CaseTab) => void;
}

const CaseContext = createContext<CaseContextValue | null>(null);
export const CaseProvider = CaseContext.Provider;

/** The case the surrounding case page shows. */
export function useCaseContext(): CaseContextValue {
  const value = useContext(CaseContext);
  if (!value) throw new Error('useCaseContext() outside a case page');
  return value;
}
