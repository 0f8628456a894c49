import type { ReactNode } from 'react';

/**
 * A polite or assertive live region that exists before its content does, so screen readers
 * announce what appears in it. While empty it takes no room in the layout.
 */
export function LiveRegion({ children, mode = 'assertive' }: { children: ReactNode; mode?: 'polite' | 'assertive' }) {
  return (
    <div aria-live={mode} aria-atomic="true" className="live-region">
      {children}
    </div>
  );
}
