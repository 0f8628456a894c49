import type { ReactNode } from 'react';

export interface Detail {
  label: string;
  value: ReactNode;
}

/** Label/value pairs as a description list: two columns on wide screens, stacked on phones. */
export function DetailList({ items }: { items: Detail[] }) {
  return (
    <dl className="detail-list">
      {items.map((item) => (
        <div key={item.label} className="detail-list-row">
          <dt>{item.label}</dt>
          <dd>{typeof item.value === 'string' ? <bdi>{item.value}</bdi> : item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
