/** The optimizer view takes everything from the app context; it has no props. */
export type OptimizerViewProps = Record<string, never>;
