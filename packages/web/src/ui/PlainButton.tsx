import {
  type ButtonHTMLAttributes,
  type FocusEvent,
  type PointerEvent,
  type ReactNode,
  useState,
} from 'react';
import type { ButtonVariant } from './Button.tsx';

/**
 * The data attributes react-aria sets on its controls (hovered by a mouse, pressed, focused by
 * keyboard, disabled), for native elements, so components.css styles them alike.
 */
export function useInteractionData(isDisabled = false) {
  const [hovered, setHovered] = useState(false);
  const [pressed, setPressed] = useState(false);
  const [focusVisible, setFocusVisible] = useState(false);
  const mouse = (event: PointerEvent) => event.pointerType === 'mouse';
  return {
    'data-hovered': (hovered && !isDisabled) || undefined,
    'data-pressed': (pressed && !isDisabled) || undefined,
    'data-focus-visible': focusVisible || undefined,
    'data-disabled': isDisabled || undefined,
    onPointerEnter: (event: PointerEvent) => setHovered(mouse(event)),
    onPointerLeave: () => {
      setHovered(false);
      setPressed(false);
    },
    onPointerDown: () => setPressed(true),
    onPointerUp: () => setPressed(false),
    onFocus: (event: FocusEvent<HTMLElement>) =>
      setFocusVisible(event.currentTarget.matches(':focus-visible')),
    onBlur: () => setFocusVisible(false),
  };
}

export interface PlainButtonProps
  extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'disabled' | 'onClick'> {
  variant?: ButtonVariant;
  className?: string;
  isDisabled?: boolean;
  /** A request started by this button is running: it keeps focus but does nothing until done. */
  isPending?: boolean;
  onPress?: () => void;
  children: ReactNode;
}

/**
 * A native button that looks and behaves like ui/Button, for the public pages' small entry, which
 * leaves react-aria out. Enter and Space press it as they press any button.
 */
export function PlainButton({
  variant = 'primary',
  className,
  isDisabled = false,
  isPending = false,
  onPress,
  type = 'button',
  children,
  ...props
}: PlainButtonProps) {
  const interaction = useInteractionData(isDisabled);
  const classes = ['btn', `btn--${variant}`, isPending ? 'btn--pending' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <button
      {...props}
      {...interaction}
      type={isPending ? 'button' : type}
      disabled={isDisabled}
      aria-disabled={isPending || undefined}
      onClick={isPending ? undefined : onPress}
      className={classes}
    >
      {children}
    </button>
  );
}
