import type { ReactNode } from 'react';

export interface Fact {
  /** The term; also the row's key, so unique within the list. */
  label: string;
  value: ReactNode;
  /** A handle for browser tests on the value. */
  testId?: string;
}

/**
 * Facts about one thing as a description list, each term with its value. Facts that do not apply are
 * passed as `false` or `null`, so a list can be written as one literal with conditions inside.
 */
export function FactList({
  facts,
  className = 'facts',
}: {
  facts: readonly (Fact | false | null)[];
  className?: string;
}) {
  return (
    <dl className={className}>
      {facts.map((fact) =>
        fact ? (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd data-testid={fact.testId}>{fact.value}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}
