// Lets plain tsc follow imports of .svelte files; svelte-check types their insides.
declare module '*.svelte' {
  import type { Component } from 'svelte';
  const component: Component;
  export default component;
}
