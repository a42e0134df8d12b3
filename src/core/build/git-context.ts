import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

// What an image is built from, in plain data: the commit, the branch or tag, the pull request,
// the repository and a time. The action builds it from GitHub's event payload and GITHUB_*
// variables; nothing here knows of @actions/*.

export interface GitContext {
  /** The event that started the run: push, pull_request, schedule, workflow_dispatch, ... */
  event: string
  /** The full ref of the run, e.g. refs/heads/main, refs/tags/v1.2.3, refs/pull/42/merge. */
  ref: string
  /**
   * The commit the image is of. For pull requests the head commit of the pull request, not
   * the merge commit GitHub runs on (GITHUB_SHA), which no one can find in the history.
   */
  sha: string
  /** owner/name */
  repository: string
  /** https://github.com/owner/name */
  repositoryUrl: string
  /** The branch: of a push, a dispatch, a schedule; the head branch of a pull request. */
  branch?: string
  /** The git tag of a tag push or a release. */
  tag?: string
  pullRequest?: number
  /** The repository's default branch, when the event says (schedule payloads do not). */
  defaultBranch?: string
  /** SPDX identifier of the repository's license, when GitHub knows it. */
  license?: string
  /** The commit (or event) time: the image's created label and {{date}}, for reproducible builds. */
  time: Date
}

/** The github context of a run, as plain data (GITHUB_* variables and the event payload). */
export interface GitHubRunData {
  eventName: string
  /** GITHUB_REF */
  ref: string
  /** GITHUB_SHA */
  sha: string
  /** GITHUB_REPOSITORY */
  repository: string
  /** GITHUB_SERVER_URL */
  serverUrl: string
  payload: Record<string, unknown>
}

export interface TimeSources {
  /** SOURCE_DATE_EPOCH, seconds since 1970: wins when set, as in reproducible-builds.org. */
  sourceDateEpoch?: string
  /** The commit time read from the checkout (commitTime()), when the commit is there. */
  commitTime?: Date
  /** The last resort: now. */
  now: Date
}

const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment'
])

/** The git context of a GitHub Actions run. */
export function gitContextFromGitHub(run: GitHubRunData, time: TimeSources): GitContext {
  const payload = run.payload as Payload
  const pr = PULL_REQUEST_EVENTS.has(run.eventName) ? payload.pull_request : undefined
  const repository = run.repository || payload.repository?.full_name || ''
  const server = (run.serverUrl || 'https://github.com').replace(/\/+$/, '')
  const context: GitContext = {
    event: run.eventName,
    ref: run.ref,
    sha: pr?.head?.sha || run.sha,
    repository,
    repositoryUrl: payload.repository?.html_url || `${server}/${repository}`,
    time: chooseTime(payload, time)
  }
  if (pr) {
    if (pr.head?.ref) context.branch = pr.head.ref
    const number = pr.number ?? payload.number
    if (typeof number === 'number') context.pullRequest = number
  } else if (run.ref.startsWith('refs/heads/')) {
    context.branch = run.ref.slice('refs/heads/'.length)
  } else if (run.ref.startsWith('refs/tags/')) {
    context.tag = run.ref.slice('refs/tags/'.length)
  }
  const defaultBranch = payload.repository?.default_branch
  if (defaultBranch) context.defaultBranch = defaultBranch
  const license = payload.repository?.license?.spdx_id
  if (license && license !== 'NOASSERTION') context.license = license
  return context
}

function chooseTime(payload: Payload, time: TimeSources): Date {
  const epoch = time.sourceDateEpoch?.trim()
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000)
  if (time.commitTime) return time.commitTime
  const fromEvent = [
    payload.head_commit?.timestamp,
    payload.workflow_run?.head_commit?.timestamp,
    payload.pull_request?.updated_at,
    payload.release?.published_at
  ]
    .map((text) => (text ? new Date(text) : undefined))
    .find((date) => date !== undefined && !Number.isNaN(date.getTime()))
  return fromEvent ?? time.now
}

/** The committer time of `sha` in the checkout at `cwd`; undefined when git or the commit is missing. */
export async function commitTime(cwd: string, sha: string): Promise<Date | undefined> {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) return undefined
  try {
    const { stdout } = await promisify(execFile)('git', ['log', '-1', '--format=%cI', sha, '--'], {
      cwd,
      timeout: 10_000
    })
    const date = new Date(stdout.trim())
    return Number.isNaN(date.getTime()) ? undefined : date
  } catch {
    return undefined // not a git checkout, a shallow one without this commit, or no git
  }
}

interface Payload {
  number?: number
  repository?: {
    full_name?: string
    html_url?: string
    default_branch?: string
    license?: { spdx_id?: string } | null
  }
  pull_request?: {
    number?: number
    updated_at?: string
    head?: { sha?: string; ref?: string }
  }
  head_commit?: { timestamp?: string } | null
  workflow_run?: { head_commit?: { timestamp?: string } | null }
  release?: { published_at?: string }
}
