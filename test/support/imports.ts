/**
 * The modules a TypeScript source names: imports (type-only too), re-exports, side-effect imports, dynamic `import()`
 * and `import('…')` types, as written. TypeScript's own scanner reads them, so an import in a comment or a string is
 * not mistaken for one, and one spread over several lines is not missed.
 */
import ts from 'typescript';

export function specifiersOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}
