/** What a dialog that adds an entry (a contact, goal or consent) to a client's record is given. */
export interface AddToClientProps {
  clientId: string;
  onClose: () => void;
  /** The entry was saved: the section reloads its list. */
  onAdded: () => void;
}
