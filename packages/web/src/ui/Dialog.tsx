import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

export interface ModalDialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: ReactNode;
  children: ReactNode;
  /** Whether a click outside or Escape closes the dialog (off while a request runs). */
  isDismissable?: boolean;
  role?: 'dialog' | 'alertdialog';
}

/** Modal dialog on react-aria-components: focus is trapped inside and returns to the trigger on close. */
export function ModalDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  isDismissable = true,
  role = 'dialog',
}: ModalDialogProps) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable}
      isKeyboardDismissDisabled={!isDismissable}
    >
      <Modal className="modal">
        <Dialog className="dialog" role={role}>
          <Heading slot="title" className="dialog__title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
