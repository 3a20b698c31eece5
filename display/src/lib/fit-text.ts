/**
 * Shrinks a text until it fits its box: for names the display cannot know in advance (a school of 30 characters,
 * an event title), which must neither overflow nor be cut off. The element's CSS gives its full size as
 * `calc(N * var(--u) * var(--fit, 1))` (its children's sizes too, so they shrink with it); this lowers `--fit` until
 * the text is no wider than the box and takes no more than `lines` lines, but never below `least`. Measured again when
 * the box changes size, when the text changes and when the fonts arrive.
 */
export interface FitOptions {
  /** Lines the text may wrap to (1: it stays on one line, as `white-space: nowrap` keeps it). */
  readonly lines: number;
  /** The smallest share of the full size allowed (the layout test catches what still does not fit). */
  readonly least: number;
  /** The text shown, so that a new text is fitted anew. */
  readonly text: string;
}

/** Halvings of the search between `least` and 1: a 1% step, finer than anyone sees. */
const STEPS = 7;

export function fitText(node: HTMLElement, initial: FitOptions) {
  let options = initial;
  const fits = () => {
    if (node.scrollWidth > node.clientWidth + 0.5) return false;
    const lineHeight = parseFloat(getComputedStyle(node).lineHeight);
    return !(Number.isFinite(lineHeight) && node.clientHeight > options.lines * lineHeight + 1);
  };
  const scale = (value: number) => node.style.setProperty('--fit', String(value));
  const fit = () => {
    scale(1);
    if (fits()) return;
    let low = options.least;
    let high = 1;
    for (let step = 0; step < STEPS; step += 1) {
      const middle = (low + high) / 2;
      scale(middle);
      if (fits()) low = middle;
      else high = middle;
    }
    scale(low);
  };
  fit();
  const observer = new ResizeObserver(fit);
  observer.observe(node.parentElement ?? node);
  document.fonts.addEventListener('loadingdone', fit);
  return {
    update(next: FitOptions) {
      options = next;
      fit();
    },
    destroy() {
      observer.disconnect();
      document.fonts.removeEventListener('loadingdone', fit);
    },
  };
}
