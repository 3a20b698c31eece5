/** QR codes drawn as SVG paths from the `qrcode` module matrix: crisp at any projector resolution, no canvas. */
import QRCode from 'qrcode';

export interface QrPath {
  /** Modules per side, plus the quiet zone. */
  readonly size: number;
  readonly path: string;
}

const QUIET_ZONE = 2;

export function qrPath(text: string): QrPath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const commands: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) commands.push(`M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: commands.join('') };
}
