/** How fingerprints and times read on screen and on paper. */

/** A long hex fingerprint in groups of eight, so a notary can compare it group by group. */
export function groupHex(hex: string): string {
  return hex.match(/.{1,8}/g)?.join(' ') ?? hex;
}

/**
 * A moment the controller recorded (ISO 8601), in this computer's local time: 2026年11月25日 15:04:05, as the
 * certificate prints it (Chinese first; the English line is the field name).
 */
export function formatDateTime(iso: string): string {
  const moment = new Date(iso);
  return `${moment.getFullYear()}年${moment.getMonth() + 1}月${moment.getDate()}日 ${clockTime(iso)}`;
}

/** 15:04:05 */
export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('zh-CN', { hour12: false });
}
