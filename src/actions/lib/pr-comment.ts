import * as core from '@actions/core'
import { info } from './log.js'
import * as github from '@actions/github'
import { errorMessage } from '../../core/errors.js'
import { commentRequest, type IssueComment } from '../../core/manifests/pr-comment.js'

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

export type CommentResult =
  | { outcome: 'created' | 'updated'; url: string }
  | { outcome: 'skipped' | 'failed'; reason: string }

/**
 * Posts `body` on the pull request of the event, or edits the comment that already carries its
 * first line (the hidden marker), so that each push updates one comment. Never throws: a token
 * that may not write (a pull request from a fork) or an API outage is a warning, since the render
 * itself succeeded.
 */
export async function commentOnPullRequest(body: string, token: string): Promise<CommentResult> {
  const { eventName, payload, repo } = github.context
  const pullNumber = payload.pull_request?.number
  if (!PULL_REQUEST_EVENTS.has(eventName) || typeof pullNumber !== 'number') {
    const reason = `not a pull_request event (${eventName || 'none'}), no comment posted`
    info(reason)
    return { outcome: 'skipped', reason }
  }
  try {
    const octokit = github.getOctokit(token, { baseUrl: github.context.apiUrl })
    const existing: IssueComment[] = await octokit.paginate(octokit.rest.issues.listComments, {
      owner: repo.owner,
      repo: repo.repo,
      issue_number: pullNumber,
      per_page: 100
    })
    const request = commentRequest({ ...repo, pullNumber }, existing, body)
    const response = await octokit.request({
      method: request.method,
      url: request.path,
      ...request.body
    })
    const url = String((response.data as { html_url?: unknown }).html_url ?? '')
    const outcome = request.method === 'PATCH' ? 'updated' : 'created'
    info(`${outcome} the diff comment on pull request #${pullNumber}: ${url}`)
    return { outcome, url }
  } catch (error) {
    const status = (error as { status?: unknown }).status
    const hint =
      status === 403
        ? ' The token may not write to pull requests: give the job `permissions: pull-requests: write`' +
          ' (a pull request from a fork only gets a read-only token).'
        : ''
    const reason = `could not comment on pull request #${pullNumber}: ${errorMessage(error)}.${hint}`
    core.warning(reason, { title: 'slipway render-manifests' })
    return { outcome: 'failed', reason }
  }
}

/** The pull request's head commit; GITHUB_SHA is the test merge commit on pull_request events. */
export function pullRequestHead(): string | undefined {
  const sha: unknown = github.context.payload.pull_request?.head?.sha
  return typeof sha === 'string' ? sha : undefined
}
