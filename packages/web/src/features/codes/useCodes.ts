import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type CodeList, type CodeOf, codeLists } from './codeLists.ts';

export interface CodeOption<V extends string = string> {
  value: V;
  label: string;
}

/** Labels of code-list values in the UI language (`code.<list>.<value>`), and select options built from them. */
export function useCodes() {
  const { t, i18n } = useTranslation();
  const label = useCallback(
    <L extends CodeList>(list: L, value: CodeOf<L> | (string & {})): string => t(`code.${list}.${value}`, { defaultValue: value }),
    [t],
  );
  const options = useCallback(
    <L extends CodeList>(list: L, values: readonly CodeOf<L>[] = codeLists[list] as readonly CodeOf<L>[]): CodeOption<CodeOf<L>>[] =>
      values.map((value) => ({ value, label: label(list, value) })),
    [label],
  );
  // A new object per language so that memoised consumers relabel when the language changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language is the reason to recompute.
  return useMemo(() => ({ label, options }), [label, options, i18n.language]);
}
