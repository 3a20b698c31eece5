/** How people appear where others can see: names and numbers masked the way Chinese result notices do. */

/** 张三 → 张*, 张梓涵 → 张*涵, 欧阳娜娜 → 欧**娜: first and last character kept. */
export function maskName(name: string): string {
  const characters = [...name];
  if (characters.length <= 1) return '*';
  if (characters.length === 2) return `${characters[0]}*`;
  return characters[0] + '*'.repeat(characters.length - 2) + characters.at(-1)!;
}

/**
 * For the hall's screens and the printed lists only, never the public's view (snapshot.ts), since these numbers are the
 * parent lookup's keys. An ID card number, or a student number that embeds one (学籍号 is often G + ID number), keeps
 * its first two and last four characters; short school numbers (≤ 8 characters) cannot hold an ID number and stay as
 * they are.
 */
export function maskId(id: string): string {
  if (id.length <= 8) return id;
  return id.slice(0, 2) + '*'.repeat(id.length - 6) + id.slice(-4);
}
