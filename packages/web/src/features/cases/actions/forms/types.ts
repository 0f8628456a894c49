/** What every action form receives from the panel that opens it. */
export interface ActionFormProps {
  /** Closes the form (after success, or on cancel). */
  onDone: () => void;
}
