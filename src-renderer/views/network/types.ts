/** The Network view takes everything from the app context; it has no props yet. */
export type NetworkViewProps = Record<string, never>;
