/** The receptive-field explorer takes everything from the app context; it has no props. */
export type ReceptiveFieldViewProps = Record<string, never>;
