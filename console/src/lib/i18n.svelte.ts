/**
 * The console's own language (Chinese first, English on request), kept apart from the display's language, which the
 * operator sets for the hall. Components call `tx('中文', 'English')`: reading `language.current` inside makes every
 * text follow the switch.
 */
import type { Language } from '../../../controller/contract/presentation.ts';

const STORAGE_KEY = 'sunshine-console-language';

function storedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

export const language = $state<{ current: Language }>({ current: storedLanguage() });

export function setLanguage(next: Language): void {
  language.current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

export function tx(zh: string, en: string): string {
  return language.current === 'zh' ? zh : en;
}

/** Texts that arrive from the controller already in both languages (refusals, balance checks). */
export function pick(text: { readonly zh: string; readonly en: string }): string {
  return tx(text.zh, text.en);
}
