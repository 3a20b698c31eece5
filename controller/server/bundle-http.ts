/**
 * `/verify/bundle.zip`: the verification bundle, zipped, beside the verifier page that fetches it (one tap on a
 * phone, from the final report's QR code) and for anyone to download. Public, no passphrase: the bundle holds no
 * names and no ID numbers (docs/verification.md §3). From the close on; before it a refusal in words (409), since
 * the secret is revealed only then.
 *
 * The zip is made once and kept until the audit chain grows: a command or a refusal after the close (refusals do not
 * change the state's revision) changes the bundle's audit.json, so the entry count, not the revision, says when.
 */
import express from 'express';
import { createBundle } from '../../engine/ceremony/bundle.ts';
import { builtVerifierPage, bundleZip, NO_BUNDLE_BEFORE_CLOSE } from '../bundle-files.ts';
import type { Ceremony } from '../ceremony.ts';
import { BUNDLE_ZIP_PATH } from '../contract/public-links.ts';
import { refuse } from './http.ts';

/** The bundle zip's route; `verifierPage` finds the page the zip carries, as `sunshine export bundle` does. */
export function bundleDownload(
  { service, log }: Pick<Ceremony, 'service' | 'log'>,
  verifierPage: () => string | null = builtVerifierPage,
): express.Router {
  let made: { readonly stamp: string; readonly zip: Promise<Uint8Array> } | null = null;
  const router = express.Router();
  router.get(BUNDLE_ZIP_PATH, async (request, response) => {
    if (service.state.phase !== 'closed') {
      refuse(request, response, { status: 409, ...NO_BUNDLE_BEFORE_CLOSE });
      return;
    }
    const page = verifierPage();
    const stamp = JSON.stringify([log.entryCount(), page]);
    let current = made;
    if (current?.stamp !== stamp) {
      const making = { stamp, zip: bundleZip(createBundle(service.state, log.chain())!, page) };
      made = current = making;
      // A failed zip is forgotten, so the next request tries again.
      void making.zip.catch(() => made === making && (made = null));
    }
    response
      .type('application/zip')
      .set('Content-Disposition', `attachment; filename="${ASCII_NAME}"; filename*=UTF-8''${encodeURIComponent(NAME)}`)
      // Revalidated every time (Express's ETag): the chain can still grow after the close.
      .set('Cache-Control', 'no-cache')
      .send(Buffer.from(await current.zip));
  });
  return router;
}

const NAME = '阳光分班验证包.zip';
const ASCII_NAME = 'sunshine-verification-bundle.zip';
