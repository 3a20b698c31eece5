/**
 * The static site's lookup, bundled into its lookup.js by `sunshine export site`: the school page's form, answered in
 * the browser from the school's sealed lookup file (sealed-lookup.ts) with the controller's own keys and markup.
 */
import { lookupKey, outcomeOf, queryProblem, type Bilingual, type LookupOutcome } from './lookup.ts';
import { renderAnswer } from './render.ts';
import { isSealedLookup, openSealedLookup, type SealedLookup } from './sealed-lookup.ts';

const INSECURE_PAGE: Bilingual = {
  zh: '请通过 HTTPS 地址打开本页再查询：浏览器只在安全连接下提供查询所需的加密功能。',
  en: 'Open this page over HTTPS to look up: browsers offer the cryptography it needs on secure connections only.',
};
const UNREADABLE: Bilingual = {
  zh: '查询数据无法读取，请稍后再试。',
  en: 'The lookup data could not be read; please try again later.',
};

const form = document.querySelector<HTMLFormElement>('form[data-lookup]');
const output = document.querySelector<HTMLOutputElement>('output.answer');
let sealed: Promise<SealedLookup> | null = null;

if (form !== null && output !== null) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void answer(form, output);
  });
}

async function answer(form: HTMLFormElement, output: HTMLOutputElement): Promise<void> {
  const fields = new FormData(form);
  const field = (key: string) => {
    const value = fields.get(key);
    return typeof value === 'string' ? value : '';
  };
  const name = field('name');
  const code = field('code');
  const school = form.dataset['school'] ?? '';
  output.hidden = false;
  output.dataset['found'] = 'false';
  output.textContent = '正在查询… / Looking up…';
  const problem = queryProblem(name, code) ?? (globalThis.crypto?.subtle === undefined ? INSECURE_PAGE : null);
  if (problem !== null) {
    show(output, { kind: 'problem', problem });
    return;
  }
  sealed ??= fetchSealed(form.dataset['lookup'] ?? '');
  let file: SealedLookup;
  try {
    file = await sealed;
  } catch {
    sealed = null;
    show(output, { kind: 'problem', problem: UNREADABLE });
    return;
  }
  show(output, outcomeOf(await openSealedLookup(file, lookupKey(school, name, code))));
}

async function fetchSealed(url: string): Promise<SealedLookup> {
  const response = await fetch(url);
  const file: unknown = await response.json();
  if (!response.ok || !isSealedLookup(file)) throw new Error(`unreadable lookup data at ${url}`);
  return file;
}

function show(output: HTMLOutputElement, outcome: LookupOutcome): void {
  output.dataset['found'] = String(outcome.kind === 'found');
  output.innerHTML = renderAnswer(outcome, (classNumber) => `#class-${classNumber}`);
}
