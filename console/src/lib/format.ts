/** How fingerprints and times read on screen and on paper. */

/** A long hex fingerprint in groups of eight, so a notary can compare it group by group. */
export function groupHex(hex: string): string {
  return hex.match(/.{1,8}/g)?.join(' ') ?? hex;
}

/** 2026年8月20日 09:05, as the certificate prints it (Chinese first; the English line is the field name). */
export function formatDateTime(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日 ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('zh-CN', { hour12: false });
}
