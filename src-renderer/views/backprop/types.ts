/** The backprop tool view takes no props: it reads the project and the core client from the app state. */
export type BackpropViewProps = Record<string, never>;
