import type { ManifestDiff } from './diff.js'
import { diffMarkdown } from './diff-markdown.js'

// One comment per pull request and environment, found again by a hidden marker and edited in
// place, so a busy pull request does not collect one comment per push.

export function commentMarker(environment: string): string {
  return `<!-- slipway:render-diff:${environment} -->`
}

export function diffCommentBody(
  diff: ManifestDiff,
  options: { environment: string; against: string; commit?: string }
): string {
  const footer = options.commit
    ? `\n<sub>Rendered at ${options.commit.slice(0, 12)} by slipway.</sub>\n`
    : ''
  return `${commentMarker(options.environment)}\n${diffMarkdown(diff, options)}${footer}`
}

export interface IssueComment {
  id: number
  body?: string | null
}

/** The REST request that creates the comment, or updates the one carrying the marker. */
export function commentRequest(
  target: { owner: string; repo: string; pullNumber: number },
  existing: IssueComment[],
  body: string
): { method: 'POST' | 'PATCH'; path: string; body: { body: string } } {
  const marker = body.split('\n', 1)[0]
  const found = existing.find((c) => c.body?.startsWith(marker))
  const repo = `/repos/${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}`
  return found
    ? { method: 'PATCH', path: `${repo}/issues/comments/${found.id}`, body: { body } }
    : { method: 'POST', path: `${repo}/issues/${target.pullNumber}/comments`, body: { body } }
}
