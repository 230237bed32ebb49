import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet' | 'on-dark';

export interface ButtonProps extends Omit<AriaButtonProps, 'className' | 'children' | 'isPending'> {
  variant?: ButtonVariant;
  size?: 'md' | 'sm';
  className?: string;
  /** A request started by this button is running: it keeps focus but does nothing until done. */
  isPending?: boolean;
  children: ReactNode;
}

/**
 * Button on react-aria-components: keyboard, touch and screen-reader behaviour built in.
 *
 * The pending state is handled here rather than with react-aria's `isPending`, whose announcement
 * leaves a live-region node pointing at the button for seconds after the page has moved on (an
 * `aria-labelledby` to a removed element). The result of the action is announced by the page itself.
 */
export function Button({
  variant = 'primary',
  size = 'md',
  className,
  isPending = false,
  onPress,
  type,
  children,
  ...props
}: ButtonProps) {
  const classes = [
    'btn',
    `btn--${variant}`,
    size === 'sm' ? 'btn--sm' : '',
    isPending ? 'btn--pending' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <AriaButton
      {...props}
      type={isPending ? 'button' : type}
      onPress={isPending ? undefined : onPress}
      aria-disabled={isPending || undefined}
      className={classes}
    >
      {children}
    </AriaButton>
  );
}
