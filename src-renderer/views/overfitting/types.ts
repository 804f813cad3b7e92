/** The overfitting lab view takes no props: its state is the project's `overfitting` tool state. */
export type OverfittingViewProps = Record<string, never>;
