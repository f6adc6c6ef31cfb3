/*
 * Each member of a campaign gets a colour in the plan, so a glance at the calendar shows whose
 * days are whose. Colour is never the only cue: names are always written next to it. The
 * colours are dark enough (≥ 3:1 on white) to read as marks.
 */
const PALETTE = [
  '#3b5bdb',
  '#0b7285',
  '#2b8a3e',
  '#c2410c',
  '#9c36b5',
  '#c2255c',
  '#5c6f0a',
  '#7048e8',
  '#a61e4d',
  '#1864ab',
];
const OTHER = '#6b6880';

/** Colours by artist id, in the order given (the campaign's participants, then anyone else). */
export function memberColours(artistIds: readonly string[]): (artistId: string) => string {
  const colours = new Map<string, string>();
  for (const id of artistIds) {
    if (!colours.has(id)) colours.set(id, PALETTE[colours.size % PALETTE.length] ?? OTHER);
  }
  return (artistId) => colours.get(artistId) ?? OTHER;
}
