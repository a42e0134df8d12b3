// The github context of a run: an event payload shaped like GitHub's webhooks (fixtures in
// test/fixtures/events) and the GITHUB_* / RUNNER_* variables that agree with it.
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const EVENTS_DIR = fileURLToPath(new URL('../fixtures/events', import.meta.url))

export type RunEvent = 'push' | 'pull_request' | { name: string; payload: Record<string, unknown> }

export function eventOf(event: RunEvent = 'push'): {
  name: string
  payload: Record<string, unknown>
} {
  if (typeof event !== 'string') return event
  const file = path.join(EVENTS_DIR, `${event}.json`)
  return { name: event, payload: JSON.parse(readFileSync(file, 'utf8')) }
}

interface Payload {
  repository?: { full_name?: string; id?: number; owner?: { login?: string; id?: number } }
  sender?: { login?: string; id?: number }
  ref?: string
  after?: string
  number?: number
  pull_request?: { merge_commit_sha?: string; head?: { ref?: string }; base?: { ref?: string } }
}

/** The github context variables, consistent with the event payload as on a real run. */
export function githubEnv(eventName: string, raw: Record<string, unknown>): Record<string, string> {
  const payload = raw as Payload
  const repository = payload.repository?.full_name ?? 'acme/hello'
  const pr = payload.pull_request
  const ref = pr ? `refs/pull/${payload.number}/merge` : (payload.ref ?? 'refs/heads/main')
  const sha = pr?.merge_commit_sha ?? payload.after ?? '0'.repeat(40)
  const actor = payload.sender?.login ?? 'octocat'
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: '__acme_slipway',
    GITHUB_ACTION_REPOSITORY: 'acme/slipway',
    GITHUB_ACTION_REF: 'v1',
    GITHUB_ACTOR: actor,
    GITHUB_ACTOR_ID: String(payload.sender?.id ?? 583231),
    GITHUB_TRIGGERING_ACTOR: actor,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_ID: String(payload.repository?.id ?? 1),
    GITHUB_REPOSITORY_OWNER: payload.repository?.owner?.login ?? repository.split('/')[0],
    GITHUB_REPOSITORY_OWNER_ID: String(payload.repository?.owner?.id ?? 1),
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags|pull)\//, ''),
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_REF_PROTECTED: 'false',
    GITHUB_HEAD_REF: pr?.head?.ref ?? '',
    GITHUB_BASE_REF: pr?.base?.ref ?? '',
    GITHUB_SHA: sha,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/deploy.yml@${ref}`,
    GITHUB_WORKFLOW_SHA: sha,
    GITHUB_JOB: 'deploy',
    GITHUB_RUN_ID: '12034567890',
    GITHUB_RUN_NUMBER: '57',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1000000001',
    RUNNER_ENVIRONMENT: 'github-hosted',
    HOME: process.env.HOME ?? os.homedir()
  }
}
