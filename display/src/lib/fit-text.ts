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
/** Of the largest size that fits, what is used. */
const SPARE = 0.99;

export function fitText(node: HTMLElement, initial: FitOptions) {
  let options = initial;
  const text = document.createRange();
  /**
   * Measured to the fraction of a pixel (scrollWidth rounds). A box sized by its text (`auto`) is exactly as wide as
   * it, so the text may touch the edges; a quarter of a pixel over is rounding.
   */
  const fits = () => {
    const style = getComputedStyle(node);
    const box = node.getBoundingClientRect();
    const inner = (side: 'Left' | 'Right') =>
      parseFloat(style.getPropertyValue(`padding-${side.toLowerCase()}`)) +
      parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`));
    text.selectNodeContents(node);
    const spread = text.getBoundingClientRect();
    if (spread.left < box.left + inner('Left') - 0.25 || spread.right > box.right - inner('Right') + 0.25) return false;
    const lineHeight = parseFloat(style.lineHeight);
    return !(Number.isFinite(lineHeight) && node.clientHeight > options.lines * lineHeight + 1);
  };
  const scale = (value: number) => node.style.setProperty('--fit', String(value));
  /** The width the text was last fitted to. */
  let fittedTo = -1;
  const fit = () => {
    scale(1);
    if (!fits()) {
      let low = options.least;
      let high = 1;
      for (let step = 0; step < STEPS; step += 1) {
        const middle = (low + high) / 2;
        scale(middle);
        if (fits()) low = middle;
        else high = middle;
      }
      // A hair under the largest that fits: neighbours that fit themselves afterwards may take a pixel more.
      scale(low * SPARE);
    }
    fittedTo = node.getBoundingClientRect().width;
    // A neighbour fitted after this one (in the same frame) may have changed this box again, and back to a size the
    // observer already reported: look once more when the frame is laid out.
    requestAnimationFrame(settle);
  };
  const settle = () => {
    if (node.isConnected && node.getBoundingClientRect().width !== fittedTo) fit();
  };
  fit();
  // Its own box changes when a neighbour takes more or less room; its parent's when the window does.
  const observer = new ResizeObserver(fit);
  observer.observe(node);
  if (node.parentElement !== null) observer.observe(node.parentElement);
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
