import { describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  commitTime,
  gitContextFromGitHub,
  type GitHubRunData
} from '../../src/core/build/git-context.js'
import {
  computeMetadata,
  formatDate,
  parseSemver,
  sanitizeTag,
  TAG_PATTERN,
  tagProblem,
  type MetadataOptions
} from '../../src/core/build/metadata.js'
import { UserError } from '../../src/core/errors.js'

// Tags and labels from the git context: one row per situation a user meets. Each row goes from
// GitHub's own event data (GITHUB_* and the payload) through gitContextFromGitHub, as the action
// does, to computeMetadata.

const SHA = '4f2a9c7e1b3d5f8a0c6e2b4d7f9a1c3e5b8d0f2a'
const HEAD_SHA = 'b1d4f7a0c3e6b9d2f5a8c1e4b7d0a3f6c9e2b5d8'
const MERGE_SHA = 'e7a0d3b6c9f2e5a8d1b4c7f0a3d6e9b2c5f8a1d4'
const COMMIT_TIME = '2026-11-25T09:40:00Z'
const IMAGE = 'ghcr.io/acme/hello'

const repository = {
  full_name: 'acme/hello',
  name: 'hello',
  html_url: 'https://github.com/acme/hello',
  default_branch: 'main',
  license: { spdx_id: 'MIT' }
}

function push(ref: string, extra: Record<string, unknown> = {}): GitHubRunData {
  return {
    eventName: 'push',
    ref,
    sha: SHA,
    repository: 'acme/hello',
    serverUrl: 'https://github.com',
    payload: { ref, after: SHA, repository, head_commit: { timestamp: COMMIT_TIME }, ...extra }
  }
}

const pullRequest = (headRef = 'metrics-latency'): GitHubRunData => ({
  eventName: 'pull_request',
  ref: 'refs/pull/42/merge',
  sha: MERGE_SHA,
  repository: 'acme/hello',
  serverUrl: 'https://github.com',
  payload: {
    number: 42,
    repository,
    pull_request: {
      number: 42,
      updated_at: '2026-11-25T09:40:05Z',
      merge_commit_sha: MERGE_SHA,
      head: { ref: headRef, sha: HEAD_SHA },
      base: { ref: 'main', sha: SHA }
    }
  }
})

// Schedule payloads carry no repository, so no default branch either.
const schedule: GitHubRunData = {
  eventName: 'schedule',
  ref: 'refs/heads/main',
  sha: SHA,
  repository: 'acme/hello',
  serverUrl: 'https://github.com',
  payload: { schedule: '0 3 * * *' }
}

function metadata(run: GitHubRunData, options: Partial<MetadataOptions> = {}) {
  const git = gitContextFromGitHub(run, { now: new Date('2030-01-01T00:00:00Z') })
  return computeMetadata({ image: IMAGE, git, ...options })
}

interface Row {
  name: string
  run: GitHubRunData
  options?: Partial<MetadataOptions>
  tags: string[]
  version: string
  revision?: string
}

const rows: Row[] = [
  {
    name: 'push to the default branch',
    run: push('refs/heads/main'),
    tags: ['sha-4f2a9c7', 'main'],
    version: 'main'
  },
  {
    name: 'push to the default branch, latest: default-branch',
    run: push('refs/heads/main'),
    options: { latest: 'default-branch' },
    tags: ['sha-4f2a9c7', 'main', 'latest'],
    version: 'main'
  },
  {
    name: 'push to another branch, latest: default-branch',
    run: push('refs/heads/feature/login-form'),
    options: { latest: 'default-branch' },
    tags: ['sha-4f2a9c7', 'feature-login-form'],
    version: 'feature-login-form'
  },
  {
    name: 'tag v1.2.3',
    run: push('refs/tags/v1.2.3'),
    tags: ['sha-4f2a9c7', '1.2.3', '1.2', '1', 'latest'],
    version: '1.2.3'
  },
  {
    name: 'tag 1.2.3 without the v',
    run: push('refs/tags/1.2.3'),
    tags: ['sha-4f2a9c7', '1.2.3', '1.2', '1', 'latest'],
    version: '1.2.3'
  },
  {
    name: 'pre-release tag v1.2.3-rc.1: only its own version',
    run: push('refs/tags/v1.2.3-rc.1'),
    tags: ['sha-4f2a9c7', '1.2.3-rc.1'],
    version: '1.2.3-rc.1'
  },
  {
    name: 'tag v0.4.1: no bare 0',
    run: push('refs/tags/v0.4.1'),
    tags: ['sha-4f2a9c7', '0.4.1', '0.4', 'latest'],
    version: '0.4.1'
  },
  {
    name: 'tag v1.2.3+build.7: build metadata has no place in a tag',
    run: push('refs/tags/v1.2.3+build.7'),
    tags: ['sha-4f2a9c7', '1.2.3', '1.2', '1', 'latest'],
    version: '1.2.3'
  },
  {
    name: 'tag v1.2.3, latest: never',
    run: push('refs/tags/v1.2.3'),
    options: { latest: 'never' },
    tags: ['sha-4f2a9c7', '1.2.3', '1.2', '1'],
    version: '1.2.3'
  },
  {
    name: 'tag v1.2.3, latest: default-branch (a tag is not a branch)',
    run: push('refs/tags/v1.2.3'),
    options: { latest: 'default-branch' },
    tags: ['sha-4f2a9c7', '1.2.3', '1.2', '1'],
    version: '1.2.3'
  },
  {
    name: 'a tag that is not semver',
    run: push('refs/tags/release-2026.11'),
    tags: ['sha-4f2a9c7', 'release-2026.11'],
    version: 'release-2026.11'
  },
  {
    name: 'a tag that is not quite semver (v1.2) is used as it is',
    run: push('refs/tags/v1.2'),
    tags: ['sha-4f2a9c7', 'v1.2'],
    version: 'v1.2'
  },
  {
    name: 'pull request: the head commit, not the merge commit, and pr-<n>',
    run: pullRequest(),
    tags: ['sha-b1d4f7a', 'pr-42'],
    version: 'pr-42',
    revision: HEAD_SHA
  },
  {
    name: "pull request from a fork's main: no main tag, no latest",
    run: pullRequest('main'),
    options: { latest: 'default-branch' },
    tags: ['sha-b1d4f7a', 'pr-42'],
    version: 'pr-42',
    revision: HEAD_SHA
  },
  {
    name: 'schedule',
    run: schedule,
    tags: ['sha-4f2a9c7', 'main', 'nightly'],
    version: 'main'
  },
  {
    name: 'schedule, latest: default-branch with the default branch configured',
    run: schedule,
    options: { latest: 'default-branch', defaultBranch: 'main' },
    tags: ['sha-4f2a9c7', 'main', 'nightly', 'latest'],
    version: 'main'
  },
  {
    name: 'a repository whose default branch is trunk',
    run: push('refs/heads/trunk', { repository: { ...repository, default_branch: 'trunk' } }),
    options: { latest: 'default-branch' },
    tags: ['sha-4f2a9c7', 'trunk', 'latest'],
    version: 'trunk'
  },
  {
    name: 'the default-branch input wins over the event',
    run: push('refs/heads/main'),
    options: { latest: 'default-branch', defaultBranch: 'release' },
    tags: ['sha-4f2a9c7', 'main'],
    version: 'main'
  },
  {
    name: 'workflow_dispatch on a branch is a push to it',
    run: { ...push('refs/heads/main'), eventName: 'workflow_dispatch' },
    options: { latest: 'default-branch' },
    tags: ['sha-4f2a9c7', 'main', 'latest'],
    version: 'main'
  },
  {
    name: 'templates on a branch push; {{version}} has no value there',
    run: push('refs/heads/main'),
    options: {
      templates: ['{{branch}}-{{sha}}', '{{version}}', "{{date 'YYYYMMDD'}}", 'stable', '{{pr}}']
    },
    tags: ['sha-4f2a9c7', 'main', 'main-4f2a9c7', '20261125', 'stable'],
    version: 'main'
  },
  {
    name: 'templates on a release',
    run: push('refs/tags/v2.0.0'),
    options: {
      templates: [
        '{{version}}-alpine',
        'v{{major}}',
        '{{minor}}.x',
        '{{tag}}',
        'build-{{date "YYYYMMDD-HHmmss"}}',
        '{{branch}}'
      ]
    },
    tags: [
      'sha-4f2a9c7',
      '2.0.0',
      '2.0',
      '2',
      'latest',
      '2.0.0-alpine',
      'v2',
      '2.0.x',
      'v2.0.0',
      'build-20261125-094000'
    ],
    version: '2.0.0'
  },
  {
    name: 'templates on a pull request',
    run: pullRequest(),
    options: { templates: ['pr-{{pr}}-{{sha}}', '{{branch}}'] },
    tags: ['sha-b1d4f7a', 'pr-42', 'pr-42-b1d4f7a', 'metrics-latency'],
    version: 'pr-42',
    revision: HEAD_SHA
  },
  {
    name: 'a branch name with characters a tag cannot hold',
    run: push('refs/heads/feature/ünïcode@work'),
    tags: ['sha-4f2a9c7', 'feature-n-code-work'],
    version: 'feature-n-code-work'
  },
  {
    name: 'a branch name starting with "." and "-"',
    run: push('refs/heads/.-hidden'),
    tags: ['sha-4f2a9c7', 'hidden'],
    version: 'hidden'
  },
  {
    name: 'a branch name of nothing but invalid characters gets no tag',
    run: push('refs/heads/ü'),
    tags: ['sha-4f2a9c7'],
    version: 'sha-4f2a9c7'
  },
  {
    name: 'duplicates are given once',
    run: push('refs/heads/main'),
    options: { templates: ['main', 'sha-{{sha}}'] },
    tags: ['sha-4f2a9c7', 'main'],
    version: 'main'
  }
]

describe('tags from the git context', () => {
  it.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const result = metadata(row.run, row.options)
    expect(result.tags).toEqual(row.tags)
    expect(result.refs).toEqual(row.tags.map((tag) => `${IMAGE}:${tag}`))
    expect(result.version).toBe(row.version)
    expect(result.labels['org.opencontainers.image.version']).toBe(row.version)
    expect(result.labels['org.opencontainers.image.revision']).toBe(row.revision ?? SHA)
    expect(result.shaTag).toBe(`sha-${(row.revision ?? SHA).slice(0, 7)}`)
    for (const tag of result.tags) expect(tag).toMatch(TAG_PATTERN)
  })

  it('cuts a long branch name to 128 characters', () => {
    const result = metadata(push(`refs/heads/${'x'.repeat(200)}`))
    expect(result.tags[1]).toBe('x'.repeat(128))
  })

  it('says what it changed or skipped', () => {
    expect(metadata(push('refs/heads/feature/login')).notes).toEqual([
      'branch "feature/login" is tagged "feature-login"'
    ])
    expect(metadata(push('refs/heads/main'), { templates: ['{{version}}-x'] }).notes).toEqual([
      'tag template "{{version}}-x" skipped: {{version}} has no value here'
    ])
    expect(metadata(schedule, { latest: 'default-branch' }).notes).toEqual([
      'latest: default-branch, but the event does not name the default branch; set default-branch'
    ])
  })
})

describe('tag templates that cannot work are user errors', () => {
  const cases: [string, string, string][] = [
    [
      'a space',
      'my tag',
      'tag template "my tag" gives "my tag", which is not a valid tag: " " is not allowed'
    ],
    [
      'a leading "-"',
      '-{{sha}}',
      'gives "-4f2a9c7", which is not a valid tag: a tag may not start with "." or "-"'
    ],
    [
      'an unknown name',
      '{{nope}}',
      'tag template "{{nope}}": unknown {{nope}}; known: {{branch}}, {{tag}}, {{sha}}'
    ],
    ['a broken placeholder', '{{branch}', 'tag template "{{branch}": cannot read a placeholder'],
    [
      'an argument where none is taken',
      "{{sha 'x'}}",
      'tag template "{{sha \'x\'}}": {{sha}} takes no argument'
    ],
    ['a full reference', 'ghcr.io/acme/hello:x', '"/" is not allowed'],
    [
      'over 128 characters',
      `{{branch}}-${'y'.repeat(130)}`,
      'it is 135 characters long; a tag has at most 128'
    ]
  ]
  it.each(cases)('%s', (_what, template, message) => {
    const attempt = () => metadata(push('refs/heads/main'), { templates: [template] })
    expect(attempt).toThrow(UserError)
    expect(attempt).toThrow(message)
  })
})

describe('OCI labels', () => {
  it('are computed from the repository, the commit and its time', () => {
    expect(metadata(push('refs/tags/v1.2.3')).labels).toEqual({
      'org.opencontainers.image.created': '2026-11-25T09:40:00Z',
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.source': 'https://github.com/acme/hello',
      'org.opencontainers.image.url': 'https://github.com/acme/hello',
      'org.opencontainers.image.version': '1.2.3',
      'org.opencontainers.image.title': 'hello',
      'org.opencontainers.image.licenses': 'MIT'
    })
  })

  it('let the user override and add labels', () => {
    const labels = metadata(push('refs/heads/main'), {
      labels: { 'org.opencontainers.image.title': 'Hello', 'com.acme.team': 'payments' }
    }).labels
    expect(labels['org.opencontainers.image.title']).toBe('Hello')
    expect(labels['com.acme.team']).toBe('payments')
  })

  it('leave licenses out when GitHub does not know it', () => {
    const run = push('refs/heads/main', {
      repository: { ...repository, license: { spdx_id: 'NOASSERTION' } }
    })
    expect(metadata(run).labels).not.toHaveProperty(['org.opencontainers.image.licenses'])
    expect(metadata(schedule).labels).not.toHaveProperty(['org.opencontainers.image.licenses'])
  })

  it('are the same on every run for the same commit: created is the commit time', () => {
    const first = gitContextFromGitHub(push('refs/heads/main'), { now: new Date() })
    const later = gitContextFromGitHub(push('refs/heads/main'), { now: new Date(Date.now() + 9e6) })
    expect(computeMetadata({ image: IMAGE, git: first })).toEqual(
      computeMetadata({ image: IMAGE, git: later })
    )
  })
})

describe('the git context of a run', () => {
  it('takes the time from SOURCE_DATE_EPOCH, the checkout, the event, or now, in that order', () => {
    const now = new Date('2030-01-01T00:00:00Z')
    const commitTime = new Date('2026-11-24T08:00:00Z')
    const time = (run: GitHubRunData, sources: Record<string, unknown> = {}) =>
      gitContextFromGitHub(run, { now, ...sources }).time.toISOString()
    expect(time(push('refs/heads/main'), { sourceDateEpoch: '1700000000', commitTime })).toBe(
      '2023-11-14T22:13:20.000Z'
    )
    expect(time(push('refs/heads/main'), { commitTime })).toBe('2026-11-24T08:00:00.000Z')
    expect(time(push('refs/heads/main'))).toBe('2026-11-25T09:40:00.000Z')
    expect(time(pullRequest())).toBe('2026-11-25T09:40:05.000Z')
    expect(time(schedule)).toBe('2030-01-01T00:00:00.000Z')
  })

  it('knows the pull request, its head branch, and the default branch', () => {
    expect(gitContextFromGitHub(pullRequest(), { now: new Date(0) })).toMatchObject({
      event: 'pull_request',
      sha: HEAD_SHA,
      branch: 'metrics-latency',
      pullRequest: 42,
      defaultBranch: 'main',
      repositoryUrl: 'https://github.com/acme/hello'
    })
    const tag = gitContextFromGitHub(push('refs/tags/v1.0.0'), { now: new Date(0) })
    expect(tag).toMatchObject({ tag: 'v1.0.0', defaultBranch: 'main' })
    expect(tag.branch).toBeUndefined()
  })

  it('reads the commit time from the checkout, when the commit is there', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'slipway-git-'))
    try {
      const git = (...args: string[]) =>
        execFileSync('git', args, {
          cwd: repo,
          encoding: 'utf8',
          env: {
            ...process.env,
            GIT_AUTHOR_NAME: 'a',
            GIT_AUTHOR_EMAIL: 'a@example.com',
            GIT_COMMITTER_NAME: 'a',
            GIT_COMMITTER_EMAIL: 'a@example.com',
            GIT_COMMITTER_DATE: '2026-11-24T08:00:00+01:00'
          }
        }).trim()
      git('init', '--quiet')
      git('commit', '--quiet', '--allow-empty', '-m', 'one')
      const sha = git('rev-parse', 'HEAD')
      expect((await commitTime(repo, sha))?.toISOString()).toBe('2026-11-24T07:00:00.000Z')
      expect(await commitTime(repo, 'f'.repeat(40))).toBeUndefined()
      expect(await commitTime(tmpdir(), sha)).toBeUndefined()
      expect(await commitTime(repo, '--help')).toBeUndefined()
    } finally {
      rmSync(repo, { recursive: true, force: true })
    }
  })

  it('builds the repository URL from the server when the payload has none', () => {
    const run = { ...schedule, serverUrl: 'https://ghe.example.com/' }
    expect(gitContextFromGitHub(run, { now: new Date(0) }).repositoryUrl).toBe(
      'https://ghe.example.com/acme/hello'
    )
  })
})

describe('helpers', () => {
  it('parse semver', () => {
    expect(parseSemver('v1.2.3-rc.1+exp.sha.5114f85')).toEqual({
      major: 1,
      minor: 2,
      patch: 3,
      prerelease: 'rc.1',
      build: 'exp.sha.5114f85',
      version: '1.2.3-rc.1'
    })
    for (const text of ['1.2', 'v01.2.3', '1.2.3-', '1.2.3-01', 'version1.2.3', 'V1.2.3']) {
      expect(parseSemver(text)).toBeUndefined()
    }
  })

  it('sanitise names into tags', () => {
    expect(sanitizeTag('feature/a b')).toBe('feature-a-b')
    expect(sanitizeTag('dependabot/npm_and_yarn/yaml-2.9.1')).toBe(
      'dependabot-npm_and_yarn-yaml-2.9.1'
    )
    expect(sanitizeTag('---')).toBeUndefined()
  })

  it('explain why a tag is invalid', () => {
    expect(tagProblem('ok_1.2-3')).toBeUndefined()
    expect(tagProblem('')).toBe('it is empty')
    expect(tagProblem('.x')).toBe('a tag may not start with "." or "-"')
    expect(tagProblem('a+b')).toBe(
      '"+" is not allowed; a tag has only letters, digits, "_", "." and "-"'
    )
  })

  it('format dates in UTC', () => {
    expect(formatDate(new Date('2026-02-03T04:05:06Z'), 'YYYY.MM.DD-HHmmss')).toBe(
      '2026.02.03-040506'
    )
  })

  it('refuse an image with a tag, and normalise Docker Hub names', () => {
    const git = gitContextFromGitHub(push('refs/heads/main'), { now: new Date(0) })
    expect(() => computeMetadata({ image: 'ghcr.io/acme/hello:v1', git })).toThrow(
      'image "ghcr.io/acme/hello:v1" must be a repository without a tag or digest'
    )
    expect(computeMetadata({ image: 'acme/hello', git }).refs[0]).toBe(
      'docker.io/acme/hello:sha-4f2a9c7'
    )
    expect(() => computeMetadata({ image: 'Acme/Hello', git })).toThrow(UserError)
  })

  it('refuse a git context without a commit', () => {
    const git = gitContextFromGitHub({ ...push('refs/heads/main'), sha: '' }, { now: new Date(0) })
    expect(() => computeMetadata({ image: IMAGE, git })).toThrow('is not a git object name')
  })
})
