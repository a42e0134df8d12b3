// Reading a job summary back as GitHub shows it, for tests: table cells split the way GFM splits
// them, HTML entities decoded (the subset of the HTML spec a summary uses), links collected.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Text as a browser shows it: entities decoded, `<br>` as a newline, other tags removed. */
export function shownText(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/?(code|a|b|strong|em)( [^>]*)?>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] !== '#') return NAMED[name] ?? entity
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
      return String.fromCodePoint(code)
    })
}

/** The rows of every Markdown table (lines starting with `|`), cells split on unescaped pipes. */
export function markdownTableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim())
    )
}

/** The rows of every HTML table, cells as raw HTML. */
export function htmlTableRows(html: string): string[][] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/gs)].map((row) =>
    [...row[1].matchAll(/<t[dh]>(.*?)<\/t[dh]>/gs)].map((cell) => cell[1])
  )
}

/** Every link target: href attributes, Markdown links and images, and autolinks. */
export function linkTargets(text: string): string[] {
  return [
    ...[...text.matchAll(/href="([^"]*)"/g)].map((m) => shownText(m[1])),
    ...[...text.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]),
    ...[...text.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi)].map((m) => m[1])
  ]
}

/** Tags in the text other than the ones a summary of slipway's uses. */
export function foreignTags(html: string): string[] {
  const allowed =
    /^<\/?(table|tr|td|th|thead|tbody|code|a|br|p|h[1-6]|details|summary|b|strong|em)\b/i
  return [...html.matchAll(/<\/?[a-z][^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => !allowed.test(tag))
}

/** Values a summary must show as they are: Markdown and HTML that would otherwise take effect. */
export const HOSTILE_VALUES = [
  'a | b',
  'line one\nline two\r\nthree',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '![pixel](https://tracker.example/p.png)',
  '`code` **bold** _x_ ~~y~~ \\| ## heading',
  '</td></tr></table><h1>forged</h1>',
  '&lt;already escaped&gt;',
  '\n\n# heading after a blank line\n\n| x | y |'
]

/**
 * What is wrong with `summary` as GitHub would show it: tags slipway does not write, links
 * that are not http(s), Markdown and HTML table rows whose cell count differs from the header's.
 */
export function summaryProblems(summary: string): string[] {
  const problems = foreignTags(summary).map((tag) => `tag ${tag}`)
  for (const target of linkTargets(summary)) {
    if (!/^https?:\/\//.test(target)) problems.push(`link ${target}`)
  }
  for (const table of markdownTables(summary)) {
    const width = table[0].length
    for (const row of table) if (row.length !== width) problems.push(`row ${row.join(' | ')}`)
  }
  for (const table of summary.split('</table>')) {
    const rows = htmlTableRows(table)
    for (const row of rows) {
      if (row.length !== rows[0].length) problems.push(`row ${row.join(' | ')}`)
    }
  }
  return problems
}

function markdownTables(markdown: string): string[][][] {
  const tables: string[][][] = []
  let current: string[] | undefined
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) (current ??= []).push(line)
    else if (current) {
      tables.push(markdownTableRows(current.join('\n')))
      current = undefined
    }
  }
  if (current) tables.push(markdownTableRows(current.join('\n')))
  return tables
}
