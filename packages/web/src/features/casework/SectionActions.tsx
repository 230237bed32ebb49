import type { ReactNode } from 'react';
import { Button } from '../../ui/Button.tsx';

/** The buttons under a section of the record: its main action (add an entry, edit), then any links. */
export function SectionActions({
  label,
  onPress,
  children,
}: {
  label: string;
  onPress: () => void;
  /** Further actions after the main one (printable documents). */
  children?: ReactNode;
}) {
  return (
    <div className="section-actions">
      <Button variant="secondary" onPress={onPress}>
        {label}
      </Button>
      {children}
    </div>
  );
}
