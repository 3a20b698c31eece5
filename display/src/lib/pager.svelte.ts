/** A page counter that turns calmly by itself; created inside a component, it stops when the component goes. */
export class Pager {
  page = $state(0);
  /** True once every page has been shown at least once. */
  seenAll = $state(false);

  constructor(pageCount: () => number, intervalMs: number) {
    // Only a change in the number of pages restarts the paging, not every new snapshot of the same list.
    const counted = $derived(pageCount());
    $effect(() => {
      const count = counted;
      this.page = 0;
      this.seenAll = count <= 1;
      if (count <= 1) return;
      const timer = setInterval(() => {
        this.page = (this.page + 1) % count;
        if (this.page === count - 1) this.seenAll = true;
      }, intervalMs);
      return () => clearInterval(timer);
    });
  }
}
