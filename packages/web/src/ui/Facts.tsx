import type { ReactNode } from 'react';

/** One line of a fact list; an empty value (no text, null, undefined) leaves the line out. */
export type Fact = readonly [label: string, value: ReactNode];

/** Key facts of one thing as a description list: label and value side by side, in the given order. */
export function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="facts">
      {facts
        .filter(([, value]) => value !== '' && value !== null && value !== undefined)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
