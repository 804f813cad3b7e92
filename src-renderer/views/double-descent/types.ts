/** The double-descent lab takes everything from the app context; it has no props. */
export type DoubleDescentViewProps = Record<string, never>;
