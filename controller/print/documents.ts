/**
 * The catalogue of printable documents, shared by `sunshine export print|media` and the operator's HTTP downloads:
 * which document, whether it may be made now, its file name, and its HTML (one per copy) ready for the printer.
 */
import type { CeremonyState } from '../../engine/ceremony/state.ts';
import type { DocumentContext } from './context.ts';
import { embedFonts } from './fonts.ts';
import { finalReportDocument } from './final-report.ts';
import { MEDIA_WIDTH, mediaSummaryDocument } from './media-summary.ts';
import type { Printer } from './printer.ts';
import { closedSeal, publishedSchool, sealOf, type Unavailable } from './published.ts';
import { COPIES, schoolListsDocument } from './school-lists.ts';
import { sealCertificateDocument } from './seal-certificate.ts';

export type PrintRequest =
  | { readonly kind: 'seal-certificate' }
  | { readonly kind: 'final-report'; readonly publicUrl: string | null }
  | { readonly kind: 'school-lists'; readonly school: string }
  | { readonly kind: 'media'; readonly school: string; readonly publicUrl: string };

export interface PrintJob {
  /** The file's name without its extension, safe on Windows too. */
  readonly name: string;
  readonly format: 'pdf' | 'png';
  /** One HTML document per copy, fonts not yet embedded. */
  readonly copies: readonly string[];
}

/** A school name as part of a file name: the characters Windows forbids become `_`. */
export const fileSafe = (name: string) => name.replace(/[\\/:*?"<>|]/g, '_');

export function printJob(
  state: CeremonyState,
  context: DocumentContext,
  request: PrintRequest,
): PrintJob | Unavailable {
  switch (request.kind) {
    case 'seal-certificate': {
      const seal = sealOf(state);
      if ('reason' in seal) return seal;
      return { name: '封装证书', format: 'pdf', copies: [sealCertificateDocument(seal, state.plan!, context)] };
    }
    case 'final-report': {
      const seal = closedSeal(state);
      if ('reason' in seal) return seal;
      return {
        name: '仪式总报告',
        format: 'pdf',
        copies: [finalReportDocument(state, seal, context, request.publicUrl)],
      };
    }
    case 'school-lists': {
      const school = publishedSchool(state, request.school);
      if ('reason' in school) return school;
      return {
        name: `${fileSafe(request.school)}-分班名单`,
        format: 'pdf',
        copies: COPIES.map((copy) => schoolListsDocument(school, state.seal!, context, copy)),
      };
    }
    case 'media': {
      const school = publishedSchool(state, request.school);
      if ('reason' in school) return school;
      return {
        name: `${fileSafe(request.school)}-分班结果`,
        format: 'png',
        copies: [mediaSummaryDocument(school, state.seal!, context, request.publicUrl)],
      };
    }
  }
}

/** The job's HTML with its fonts: what the printer renders, and what is saved when there is no printer. */
export function finishedCopies(job: PrintJob): Promise<string[]> {
  return Promise.all(job.copies.map(embedFonts));
}

export async function render(printer: Printer, job: PrintJob): Promise<Uint8Array> {
  const copies = await finishedCopies(job);
  return job.format === 'pdf' ? printer.pdf(copies) : printer.png(copies[0]!, MEDIA_WIDTH);
}
