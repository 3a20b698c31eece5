/** Calm paging of long lists: fixed-size pages shown one after another. */
import { splitEvenly } from './class-layout.ts';

/** `items` cut into pages of `size` (at least one page, possibly empty). */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) throw new RangeError(`page size ${size}`);
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages.length === 0 ? [[]] : pages;
}

/** Page counter text: 第 2/5 页 or page 2/5; nothing for a single page. */
export function pageLabel(page: number, pages: number, language: 'zh' | 'en'): string {
  if (pages <= 1) return '';
  return language === 'zh' ? `第 ${page + 1}/${pages} 页` : `page ${page + 1}/${pages}`;
}

/** One page of the final class lists: some classes side by side, each with one slice of its names. */
export interface ClassListPage<Class> {
  readonly columns: readonly {
    readonly of: Class;
    /** The slice of names, each with its place in the class's list. */
    readonly names: readonly { readonly place: number; readonly name: string }[];
  }[];
}

/**
 * Pages through every name of every class: classes in groups of at most `maxColumns` side by side, each group's
 * names `rows` at a time, so a 40-class school shows four groups of ten, page after page.
 */
export function classListPages<Class extends { readonly names: readonly string[] }>(
  classes: readonly Class[],
  maxColumns: number,
  rows: number,
): ClassListPage<Class>[] {
  const groups = Math.max(1, Math.ceil(classes.length / maxColumns));
  const pages: ClassListPage<Class>[] = [];
  for (const group of splitEvenly(classes, groups)) {
    const namePages = Math.max(1, ...group.map((of) => Math.ceil(of.names.length / rows)));
    for (let page = 0; page < namePages; page += 1) {
      const start = page * rows;
      const names = (of: Class) =>
        of.names.slice(start, start + rows).map((name, index) => ({ place: start + index, name }));
      pages.push({ columns: group.map((of) => ({ of, names: names(of) })) });
    }
  }
  return pages;
}
