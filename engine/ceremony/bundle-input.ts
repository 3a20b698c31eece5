/**
 * Turns the files of a bundle folder — read from disk by the CLI, or picked in the offline verifier page — into the
 * verifier's input, so both read a bundle the same way. Paths may start with the folder's own name (a browser gives
 * `bundle/schools/x.json`); only the part from the bundle's files on counts.
 */
import { BUNDLE_FILES, SCHOOLS_FOLDER } from './bundle.ts';
import type { BundleInput } from './verify.ts';

export interface BundleFile {
  readonly path: string;
  readonly text: string;
}

export type BundleReading = { readonly input: BundleInput } | { readonly problem: { zh: string; en: string } };

export function readBundleFiles(files: readonly BundleFile[]): BundleReading {
  const relative = files.map((file) => ({ ...file, parts: file.path.split(/[\\/]/) }));
  const topLevel = (name: string) =>
    relative.find((file) => file.parts.at(-1) === name && file.parts.at(-2) !== SCHOOLS_FOLDER);
  const schools = relative.filter((file) => file.parts.at(-2) === SCHOOLS_FOLDER && file.path.endsWith('.json'));
  try {
    const parse = (file: BundleFile | undefined, name: string): unknown => {
      if (file === undefined)
        throw new BundleFileProblem(`证明包缺少文件 ${name}`, `the bundle lacks the file ${name}`);
      try {
        return JSON.parse(file.text) as unknown;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new BundleFileProblem(`${name} 不是有效的 JSON：${reason}`, `${name} is not valid JSON: ${reason}`);
      }
    };
    if (schools.length === 0) {
      return {
        problem: {
          zh: `证明包中没有 ${SCHOOLS_FOLDER}/ 下的学校文件`,
          en: `the bundle has no school files in ${SCHOOLS_FOLDER}/`,
        },
      };
    }
    return {
      input: {
        certificate: parse(topLevel(BUNDLE_FILES.certificate), BUNDLE_FILES.certificate),
        plan: parse(topLevel(BUNDLE_FILES.plan), BUNDLE_FILES.plan),
        audit: parse(topLevel(BUNDLE_FILES.audit), BUNDLE_FILES.audit),
        schools: schools
          .map((file) => ({
            file: file.parts.at(-1)!,
            content: parse(file, `${SCHOOLS_FOLDER}/${file.parts.at(-1)!}`),
          }))
          .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
      },
    };
  } catch (error) {
    if (!(error instanceof BundleFileProblem)) throw error;
    return { problem: { zh: error.zh, en: error.en } };
  }
}

class BundleFileProblem extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}
