/** The bias-variance lab takes everything from the app context; it has no props. */
export type BiasVarianceViewProps = Record<string, never>;
