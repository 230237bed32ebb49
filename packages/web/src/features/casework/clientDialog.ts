/** What a dialog that adds an entry (a contact, goal or consent) to a client's record is given. */
export interface AddToClientProps {
  clientId: string;
  onClose: () => void;
  /** The entry was saved: the section reloads its list. */
  onAdded: () => void;
}

/** What a dialog that changes a client or an entry of the record is given. */
export interface EditDialogProps {
  onClose: () => void;
  /** The change was saved. */
  onSaved: () => void;
}
