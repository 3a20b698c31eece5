/**
 * Reads the files of a .zip (the bundle as people pass it around) with nothing but the platform: the central
 * directory, then each entry stored or deflated (DecompressionStream). No Zip64, no encryption: a bundle is small
 * and public. Names are read as UTF-8; a name in another encoding only affects how a file is named in messages.
 */
import type { BundleFile } from '../../engine/ceremony/bundle-input.ts';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export class ZipError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'ZipError';
  }
}

export async function unzip(data: Uint8Array<ArrayBuffer>): Promise<BundleFile[]> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const files: BundleFile[] = [];
  for (let index = 0; index < count; index++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== DIRECTORY_ENTRY) {
      throw new ZipError('压缩包目录已损坏', 'the zip directory is damaged');
    }
    const method = view.getUint16(offset + 10, true);
    const size = view.getUint32(offset + 20, true);
    const nameLength = view.getUint16(offset + 28, true);
    const skip = nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
    const local = view.getUint32(offset + 42, true);
    const path = new TextDecoder().decode(data.subarray(offset + 46, offset + 46 + nameLength));
    offset += 46 + skip;
    if (path.endsWith('/')) continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const bytes = await decompress(method, data.subarray(start, start + size), path);
    files.push({ path, text: new TextDecoder().decode(bytes) });
  }
  return files;
}

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - END_RECORD_SIZE;
  for (let offset = last; offset >= Math.max(0, last - MAX_COMMENT); offset--) {
    if (view.getUint32(offset, true) === END_OF_DIRECTORY) return offset;
  }
  throw new ZipError('不是 zip 压缩包', 'not a zip file');
}

async function decompress(method: number, raw: Uint8Array<ArrayBuffer>, path: string): Promise<Uint8Array> {
  if (method === 0) return raw;
  if (method !== 8) {
    throw new ZipError(
      `${path} 的压缩方式（${method}）不受支持`,
      `${path} uses an unsupported compression method (${method})`,
    );
  }
  const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
