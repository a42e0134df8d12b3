/** `text` on one line, cut at a word boundary to at most `max` characters (with an ellipsis). */
export function shortText(text: string, max: number): string {
  // Only the start matters; long descriptions are not normalised whole.
  const cutEarly = text.length > max * 2
  const line = (cutEarly ? text.slice(0, max * 2) : text).replace(/\s+/g, ' ').trim()
  if (line.length <= max) return cutEarly ? `${line}…` : line
  const cut = line.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`
}

/** The first sentence of a description, as a title for scanners that have none (Grype). */
export function titleFrom(description: string | undefined): string {
  if (!description) return ''
  const sentence = /^(.+?[.!?])(\s|$)/.exec(description.trim())?.[1] ?? description
  return shortText(sentence, 120)
}
