// Values in job summaries and pull-request comments come from repositories, images, reports and
// servers. GitHub renders a summary as Markdown with HTML in it, so a value is written as text
// safe in both: in an HTML table cell, in a Markdown table cell (a pipe would end the cell, a
// newline the row) and in a paragraph (no link, image, heading or tag of its own).

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '`': '&#96;',
  '\\': '&#92;',
  '#': '&#35;'
}

/**
 * `value` as summary text: characters that make HTML, a table cell or a heading as entities,
 * `](` (a link or an image) and `://` and `www.` (autolinks) broken by one, and line breaks as
 * `<br>`. Emphasis characters stay: they change how text looks, not what it is.
 */
export function summaryText(value: string): string {
  return value
    .replace(/[&<>|`\\#]/g, (c) => ENTITIES[c])
    .replace(/\]\(/g, '&#93;(')
    .replace(/:\/\//g, '&#58;//')
    .replace(/www\./gi, (w) => `${w.slice(0, 3)}&#46;`)
    .replace(/\r\n|\r|\n/g, '<br>')
}

/** `value` as code, in HTML or Markdown: `<code>` with summaryText inside. */
export function summaryCode(value: string): string {
  return `<code>${summaryText(value)}</code>`
}

/**
 * `value` as code in Markdown: a code span when it holds only characters that can neither end
 * one nor a table cell, else summaryCode.
 */
export function markdownCode(value: string): string {
  return /^[\w./@:+=[\]-]+$/.test(value) ? `\`${value}\`` : summaryCode(value)
}

/** A link to `url` when it is http or https; otherwise the text alone. */
export function summaryLink(url: string | undefined, text: string): string {
  const href = url === undefined ? undefined : webUrl(url)
  const attribute = href?.replace(/[&<>"']/g, (c) => ENTITIES[c])
  return attribute ? `<a href="${attribute}">${summaryText(text)}</a>` : summaryText(text)
}

/** The URL in its normal form when it is absolute http(s). */
function webUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}

/**
 * `value` as a label inside a Mermaid chart in a summary: letters, digits and a little
 * punctuation only (a quote would end the label, a newline or backticks the chart).
 */
export function chartLabel(value: string): string {
  return value
    .replace(/[^\p{L}\p{N} ._/()+-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
}
