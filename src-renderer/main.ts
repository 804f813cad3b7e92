import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { createCoreClient, createDocumentHost } from './lib/core-client';
import { setLocale } from './lib/i18n';

setLocale('en');

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

mount(App, { target, props: { client: createCoreClient(), host: createDocumentHost() } });
