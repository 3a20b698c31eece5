/**
 * How people appear where others can see: names masked the way Chinese result notices do. Numbers are not masked but
 * left out: any character of an ID number or student number helps guess the parent lookup's keys
 * (docs/decisions/018-no-id-characters-in-the-hall.md).
 */

/** 张三 → 张*, 张梓涵 → 张*涵, 欧阳娜娜 → 欧**娜: first and last character kept. */
export function maskName(name: string): string {
  const characters = [...name];
  if (characters.length <= 1) return '*';
  if (characters.length === 2) return `${characters[0]}*`;
  return characters[0] + '*'.repeat(characters.length - 2) + characters.at(-1)!;
}
