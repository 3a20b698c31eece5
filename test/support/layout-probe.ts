/**
 * Checks that run inside the display's page (passed to Playwright's `page.evaluate`): what of the text on screen
 * overflows, is clipped or leaves its card or the safe area, and where the flying cards of a draw were painted.
 * Each function is self-contained (no imports, no helpers outside it): Playwright sends only its source to the page.
 */

/** One piece of text that does not fit: what it says, what is wrong and where. */
export interface LayoutProblem {
  readonly text: string;
  readonly problem: string;
  /** The element holding the text, as tag.class…, and its nearest ancestors. */
  readonly where: string;
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * Every visible text on the page, line by line (each line box of each text node): it must lie inside the 5% safe
 * area, inside every ancestor that clips (so nothing is cut off or hidden under an ellipsis), and inside the nearest
 * ancestor drawn as a card (a background or a border of its own). Elements that clip their content must not overflow
 * (scrollWidth/scrollHeight within clientWidth/clientHeight). Half a CSS pixel is allowed for rounding.
 */
export function layoutProblems(): LayoutProblem[] {
  const slack = 0.5;
  const problems: LayoutProblem[] = [];
  const describe = (element: Element | null): string => {
    const parts: string[] = [];
    for (let at = element; at !== null && at !== document.body && parts.length < 4; at = at.parentElement) {
      const classes = Array.from(at.classList).filter((name) => !name.startsWith('svelte-'));
      const testid = at.getAttribute('data-testid');
      parts.push(
        `${at.tagName.toLowerCase()}${classes.map((name) => `.${name}`).join('')}${testid ? `[${testid}]` : ''}`,
      );
    }
    return parts.join(' < ');
  };
  const inside = (rect: Box, box: Box) =>
    rect.left >= box.left - slack &&
    rect.right <= box.right + slack &&
    rect.top >= box.top - slack &&
    rect.bottom <= box.bottom + slack;
  // Paint containment clips as `overflow: hidden` does.
  const clips = (style: CSSStyleDeclaration) =>
    style.overflowX !== 'visible' || style.overflowY !== 'visible' || /paint|strict|content/.test(style.contain);
  const drawnAsCard = (style: CSSStyleDeclaration) =>
    (style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.backgroundColor !== 'transparent') ||
    style.borderTopWidth !== '0px' ||
    style.borderLeftWidth !== '0px';
  const safe: Box = {
    left: innerWidth * 0.05,
    top: innerHeight * 0.05,
    right: innerWidth * 0.95,
    bottom: innerHeight * 0.95,
  };
  const shown = (element: Element) =>
    element.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });
  const frame = document.querySelector('.display');
  const walker = document.createTreeWalker(frame ?? document.body, NodeFilter.SHOW_TEXT);
  const overflowChecked = new Set<Element>();
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const element = node.parentElement;
    if (text === '' || element === null || !shown(element)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    // Each line's em box: a line's rect spans the font's whole ascent and descent (about 1.45 em for Noto Sans SC),
    // more than the glyphs ever fill, so a tight line height would look clipped when nothing is.
    const fontSize = parseFloat(getComputedStyle(element).fontSize);
    const lines: Box[] = Array.from(range.getClientRects())
      .filter((rect) => rect.width > 0 && rect.height > 0)
      .map((rect) => {
        const middle = (rect.top + rect.bottom) / 2;
        const half = Math.min(rect.height, fontSize) / 2;
        return { left: rect.left, right: rect.right, top: middle - half, bottom: middle + half };
      });
    const report = (problem: string) => problems.push({ text, problem, where: describe(element) });
    for (const line of lines) {
      if (!inside(line, safe)) {
        report(`outside the safe area: line ${box(line)} in ${box(safe)}`);
        break;
      }
    }
    // Its own box: text spilling out of it (white-space: nowrap in too narrow a box) runs over its neighbours.
    let own: Element | null = element;
    while (own !== null && getComputedStyle(own).display === 'inline') own = own.parentElement;
    if (own !== null) {
      const edges = own.getBoundingClientRect();
      const across = { left: edges.left, right: edges.right, top: -Infinity, bottom: Infinity };
      const out = lines.find((line) => !inside(line, across));
      if (out !== undefined) report(`wider than its box ${describe(own)}: line ${box(out)} in ${box(edges)}`);
    }
    let card: Element | null = null;
    for (let at: Element | null = element; at !== null && at !== frame; at = at.parentElement) {
      const style = getComputedStyle(at);
      const edges = at.getBoundingClientRect();
      if (clips(style)) {
        const client: Box = {
          left: edges.left + at.clientLeft,
          top: edges.top + at.clientTop,
          right: edges.left + at.clientLeft + at.clientWidth,
          bottom: edges.top + at.clientTop + at.clientHeight,
        };
        const cut = lines.find((line) => !inside(line, client));
        if (cut !== undefined) report(`clipped by ${describe(at)}: line ${box(cut)} in ${box(client)}`);
        if (
          !overflowChecked.has(at) &&
          (at.scrollWidth > at.clientWidth + 1 || at.scrollHeight > at.clientHeight + 1)
        ) {
          overflowChecked.add(at);
          report(
            `overflows ${describe(at)}: scroll ${at.scrollWidth}×${at.scrollHeight} > client ${at.clientWidth}×${at.clientHeight}`,
          );
        }
      }
      if (card === null && at !== element && drawnAsCard(style)) {
        card = at;
        const out = lines.find((line) => !inside(line, edges));
        if (out !== undefined) report(`outside its card ${describe(at)}: line ${box(out)} in ${box(edges)}`);
      }
    }
  }
  return problems;

  function box(rect: Box): string {
    const round = (value: number) => Math.round(value * 10) / 10;
    return `[${round(rect.left)},${round(rect.top)} – ${round(rect.right)},${round(rect.bottom)}]`;
  }
}

/**
 * Texts inside `selector` (but not inside `except`) set smaller than `least` pixels of a 1920×1080 screen (the
 * display's --u): what the hall must read is at least 32 of them.
 */
export function smallTexts([selector, except, least]: readonly [string, string, number]): string[] {
  const unit = Math.min(innerWidth / 1920, innerHeight / 1080);
  const small: string[] = [];
  for (const scope of Array.from(document.querySelectorAll(selector))) {
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const element = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (text === '' || element === null || element.closest(except) !== null) continue;
      const size = parseFloat(getComputedStyle(element).fontSize) / unit;
      if (size < least - 0.01) small.push(`“${text}” at ${size.toFixed(1)} px of 1080p`);
    }
  }
  return small;
}

/** Installs, before the display loads, a note of every card the draw paints on its flights canvas, frame by frame. */
export function recordFlights(): void {
  const frames: Box[][] = [];
  Object.assign(window, { flightFrames: frames });
  const { prototype } = CanvasRenderingContext2D;
  type Method = (this: CanvasRenderingContext2D, ...args: unknown[]) => void;
  const original = (name: 'clearRect' | 'drawImage') =>
    Object.getOwnPropertyDescriptor(prototype, name)!.value as Method;
  const clearRect = original('clearRect');
  const drawImage = original('drawImage');
  const onFlights = (context: CanvasRenderingContext2D) => context.canvas.classList.contains('flights');
  prototype.clearRect = function (...args: unknown[]) {
    if (onFlights(this)) frames.push([]);
    clearRect.apply(this, args);
  };
  prototype.drawImage = function (...args: unknown[]) {
    if (onFlights(this) && args.length === 5 && this.globalAlpha > 0.05) {
      const [, x, y, width, height] = args as [unknown, number, number, number, number];
      // In the canvas's CSS pixels (its transform only scales to device pixels): moved to the viewport's.
      const origin = this.canvas.getBoundingClientRect();
      frames.at(-1)?.push({
        left: origin.left + x,
        top: origin.top + y,
        right: origin.left + x + width,
        bottom: origin.top + y + height,
      });
    }
    drawImage.apply(this, args);
  };
}

/** The frames noted since the last call (each the cards painted in it), and a fresh start. */
export function takeFlightFrames(): Box[][] {
  const holder = window as unknown as { flightFrames: Box[][] };
  return holder.flightFrames.splice(0).filter((frame) => frame.length > 0);
}

/** Boxes of the draw scene that cards must keep clear of, the pool they leave from, and the safe area. */
export function drawRegions(): {
  readonly keepClear: Box[];
  readonly pool: Box[];
  readonly covers: Box[];
  readonly safe: Box;
} {
  const boxesOf = (selector: string) =>
    Array.from(document.querySelectorAll(selector)).map((element) => {
      const { left, top, right, bottom } = element.getBoundingClientRect();
      return { left, top, right, bottom };
    });
  return {
    // Class headers and their tallies: in columns the header; in tiles the class number, count and boys/girls.
    keepClear: boxesOf(
      '[data-testid="class-column"] header, [data-testid="class-tile"] :is(h3, [data-testid="class-count"], .gender)',
    ),
    pool: boxesOf('[data-testid="draw-pool"]'),
    // Painted above the flights canvas, opaque: a card under them is hidden.
    covers: boxesOf('[data-testid="draw-pool"], [data-testid="draw-band"]'),
    safe: { left: innerWidth * 0.05, top: innerHeight * 0.05, right: innerWidth * 0.95, bottom: innerHeight * 0.95 },
  };
}
