/** Replaces the generated section of a README between its two marker comments. */
export function replaceMarkedSection(readme: string, startMarker: string, endMarker: string, body: string): string {
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${startMarker} … ${endMarker}. Put them back around the generated section, then run npm run generate.`);
  return `${readme.slice(0, start + startMarker.length)}\n${body}\n${readme.slice(end)}`;
}
