import type { ReactNode } from 'react';

/** One labelled value of a `Facts` list; the label is unique within the list. */
export type Fact = { label: string; value: ReactNode };

/** Labelled values (a description list), e.g. the properties of an account. */
export function Facts({ items }: { items: Fact[] }) {
  return (
    <dl className="facts">
      {items.map((fact) => (
        <div key={fact.label}>
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
