import { startLayerwise } from './app';

// Electron main entry (bundled to out/main/main.cjs); everything lives in app.ts.
startLayerwise();
