import { useState } from 'react';

export type EditorState<T> = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; item: T };

/** Which record (if any) the create/edit dialog of a list page is showing. */
export function useEditor<T>() {
  const [state, setState] = useState<EditorState<T>>({ mode: 'closed' });
  return {
    state,
    opened: state.mode !== 'closed',
    item: state.mode === 'edit' ? state.item : undefined,
    create: () => setState({ mode: 'create' }),
    edit: (item: T) => setState({ mode: 'edit', item }),
    close: () => setState({ mode: 'closed' }),
  };
}
