import { Button, type ButtonVariant } from './Button.tsx';

/**
 * A small button that acts on one item of a list, named with the item for screen readers
 * ("Beginnen: Lesecafé"), since the same label repeats in every row.
 */
export function RowButton({
  label,
  item,
  variant = 'secondary',
  isPending = false,
  onPress,
}: {
  label: string;
  /** The item as the list names it (an offer's title, an event's code and title). */
  item: string;
  variant?: ButtonVariant;
  isPending?: boolean;
  onPress: () => void;
}) {
  return (
    <Button
      size="sm"
      variant={variant}
      isPending={isPending}
      aria-label={`${label}: ${item}`}
      onPress={onPress}
    >
      {label}
    </Button>
  );
}
