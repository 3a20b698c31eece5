// First: before any module defines a zod schema (see there).
import '../../controller/contract/zod-without-eval.ts';
// Only the two weights the display uses are bundled; the browser fetches each script subset from the controller.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './theme.css';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
