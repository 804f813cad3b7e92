import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { createAppearanceHost, createCoreClient, createDocumentHost, createLocaleHost } from './lib/core-client';
import { initialPreferences } from './lib/i18n';
import { AppearanceState, LocaleState } from './lib/state';
import { followSystem, initialAppearance } from './lib/theme';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The OS's theme and motion before anything is drawn (no light flash on a dark system).
followSystem(window);
const appearanceHost = createAppearanceHost();

// The language is known before the first render (no English flash on a Persian start).
const localeHost = createLocaleHost();
const [stored, system, storedAppearance] = await Promise.all([
  localeHost.load().catch(() => null),
  localeHost.systemLocale().catch(() => ''),
  appearanceHost.load().catch(() => null),
]);
const locale = new LocaleState(localeHost, initialPreferences({ query: window.location.search, stored, system }));
const appearance = new AppearanceState(appearanceHost, initialAppearance({ query: window.location.search, stored: storedAppearance }));

mount(App, { target, props: { client: createCoreClient(), host: createDocumentHost(), locale, appearance } });
