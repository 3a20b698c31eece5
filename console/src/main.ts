// First: before any module defines a zod schema (see there).
import '../../controller/contract/zod-without-eval.ts';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { live } from './lib/live.svelte.ts';

live.start();
mount(App, { target: document.getElementById('app')! });
