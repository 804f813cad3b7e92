import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { createCoreClient, createDocumentHost, createLocaleHost } from './lib/core-client';
import { initialPreferences } from './lib/i18n';
import { LocaleState } from './lib/state';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The language is known before the first render (no English flash on a Persian start).
const localeHost = createLocaleHost();
const [stored, system] = await Promise.all([localeHost.load().catch(() => null), localeHost.systemLocale().catch(() => '')]);
const locale = new LocaleState(localeHost, initialPreferences({ query: window.location.search, stored, system }));

mount(App, { target, props: { client: createCoreClient(), host: createDocumentHost(), locale } });
