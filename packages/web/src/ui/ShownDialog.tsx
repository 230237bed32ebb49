import { ModalDialog, type ModalDialogProps } from './Dialog.tsx';

/**
 * A `ModalDialog` that is open for as long as it is rendered: the caller shows it while its state
 * says so, and `onClose` (Escape, a click outside, the dialog's own buttons) clears that state.
 */
export function ShownDialog({
  onClose,
  ...dialog
}: Omit<ModalDialogProps, 'isOpen' | 'onOpenChange'> & { onClose: () => void }) {
  return (
    <ModalDialog
      {...dialog}
      isOpen
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    />
  );
}
