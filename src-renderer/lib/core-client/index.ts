import type { LayerwiseApi } from '../../../shared/protocol/preload-api';
import { createBrowserDocumentHost, createElectronDocumentHost } from './document-host';
import { createElectronCoreClient } from './electron-core-client';
import type { CoreClient, DocumentHost } from './types';
import { createWebWorkerCoreClient } from './web-worker-core-client';

export type { CoreClient, DocumentHost, EngineStatus, MenuCommand, OpenResult, SaveRequest, SaveResult } from './types';
export { createElectronCoreClient } from './electron-core-client';
export { createWebWorkerCoreClient, type WorkerFactory, type WorkerPort } from './web-worker-core-client';
export { createBrowserDocumentHost, createElectronDocumentHost, editTargetOf, isTextEditing, menuCommandForKey, readFileForOpen } from './document-host';
export { isCancelled, toCoreError } from './errors';
export { LatestCall } from './latest-call';
export { createAppearanceHost, type AppearanceHost, type AppearanceSettings } from './appearance-host';
export { createTourStore, toursOff, type TourStore } from './tour-host';
export { createBrowserLocaleHost, createElectronLocaleHost, createLocaleHost, type LocaleHost, type LocaleSettings } from './locale-host';

declare global {
  interface Window {
    /** Present only inside Electron, exposed by the preload (shared/protocol/preload-api.ts). */
    layerwise?: LayerwiseApi;
  }
}

/** Electron when the preload exposed `window.layerwise`, else the browser. */
export function createCoreClient(win: Window = window): CoreClient {
  return win.layerwise ? createElectronCoreClient(win.layerwise) : createWebWorkerCoreClient();
}

export function createDocumentHost(win: Window = window): DocumentHost {
  return win.layerwise ? createElectronDocumentHost(win.layerwise, win) : createBrowserDocumentHost(win);
}
