import { describeId, type ObjectId } from './manifest.js'
import { hasChanges, type ManifestDiff } from './diff.js'
import { markdownCode, summaryText } from '../summary-text.js'

const MAX_ROWS = 100

/**
 * The diff as Markdown for a job summary or a pull-request comment: a count line, then one
 * row per added, changed or removed object with the fields that changed.
 */
export function diffMarkdown(
  diff: ManifestDiff,
  options: { environment: string; against: string }
): string {
  const lines = [`### Changes to ${summaryText(options.environment)}`, '']
  const counts = [
    `${diff.added.length} added`,
    `${diff.changed.length} changed`,
    `${diff.removed.length} removed`,
    `${diff.unchanged} unchanged`
  ].join(', ')
  lines.push(`${counts}, compared with ${summaryText(options.against)}.`)
  if (!hasChanges(diff)) return lines.join('\n') + '\n'
  const rows: string[] = [
    ...diff.added.map((id) => row('added', id, '')),
    ...diff.changed.map(({ id, paths }) => row('changed', id, paths.map(markdownCode).join(', '))),
    ...diff.removed.map((id) => row('removed', id, ''))
  ]
  lines.push(
    '',
    '| Change | Object | Changed fields |',
    '| --- | --- | --- |',
    ...rows.slice(0, MAX_ROWS)
  )
  if (rows.length > MAX_ROWS) lines.push('', `... and ${rows.length - MAX_ROWS} more objects.`)
  return lines.join('\n') + '\n'
}

function row(change: string, id: ObjectId, fields: string): string {
  return `| ${change} | ${summaryText(describeId(id))} | ${fields} |`
}
