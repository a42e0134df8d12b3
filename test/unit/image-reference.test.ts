import { describe, expect, test } from '@jest/globals'
import { UserError } from '../../src/core/errors.js'
import { parseReference, registryApiHost } from '../../src/core/image/reference.js'

// Cases from Docker's own reference tests (github.com/distribution/reference:
// reference_test.go, normalize_test.go), with the normalised result `docker pull` uses.

const sha256 = `sha256:${'f'.repeat(64)}`
const sha512 = `sha512:${'f'.repeat(128)}`
const busybox = 'sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa'

type Valid = [input: string, registry: string, repository: string, tag?: string, digest?: string]

const valid: Valid[] = [
  // reference_test.go TestReferenceParse
  ['test_com', 'docker.io', 'library/test_com'],
  ['test.com:tag', 'docker.io', 'library/test.com', 'tag'],
  ['test.com:5000', 'docker.io', 'library/test.com', '5000'],
  ['test.com/repo:tag', 'test.com', 'repo', 'tag'],
  ['test:5000/repo', 'test:5000', 'repo'],
  ['test:5000/repo:tag', 'test:5000', 'repo', 'tag'],
  [`test:5000/repo@${sha256}`, 'test:5000', 'repo', undefined, sha256],
  [`test:5000/repo:tag@${sha256}`, 'test:5000', 'repo', 'tag', sha256],
  ['lowercase:Uppercase', 'docker.io', 'library/lowercase', 'Uppercase'],
  [
    `${'a/'.repeat(127)}a:tag-puts-this-over-max`,
    'docker.io',
    `${'a/'.repeat(127)}a`,
    'tag-puts-this-over-max'
  ],
  ['sub-dom1.foo.com/bar/baz/quux', 'sub-dom1.foo.com', 'bar/baz/quux'],
  [
    'sub-dom1.foo.com/bar/baz/quux:some-long-tag',
    'sub-dom1.foo.com',
    'bar/baz/quux',
    'some-long-tag'
  ],
  [
    'b.gcr.io/test.example.com/my-app:test.example.com',
    'b.gcr.io',
    'test.example.com/my-app',
    'test.example.com'
  ],
  ['xn--n3h.com/myimage:xn--n3h.com', 'xn--n3h.com', 'myimage', 'xn--n3h.com'],
  [
    `xn--7o8h.com/myimage:xn--7o8h.com@${sha512}`,
    'xn--7o8h.com',
    'myimage',
    'xn--7o8h.com',
    sha512
  ],
  ['foo_bar.com:8080', 'docker.io', 'library/foo_bar.com', '8080'],
  ['foo/foo_bar.com:8080', 'docker.io', 'foo/foo_bar.com', '8080'],
  ['192.168.1.1', 'docker.io', 'library/192.168.1.1'],
  ['192.168.1.1:tag', 'docker.io', 'library/192.168.1.1', 'tag'],
  ['192.168.1.1:5000', 'docker.io', 'library/192.168.1.1', '5000'],
  ['192.168.1.1/repo', '192.168.1.1', 'repo'],
  ['192.168.1.1:5000/repo', '192.168.1.1:5000', 'repo'],
  ['192.168.1.1:5000/repo:5050', '192.168.1.1:5000', 'repo', '5050'],
  ['[2001:db8::1]/repo', '[2001:db8::1]', 'repo'],
  ['[2001:db8:1:2:3:4:5:6]/repo:tag', '[2001:db8:1:2:3:4:5:6]', 'repo', 'tag'],
  ['[2001:db8::1]:5000/repo', '[2001:db8::1]:5000', 'repo'],
  ['[2001:db8::1]:5000/repo:tag', '[2001:db8::1]:5000', 'repo', 'tag'],
  [`[2001:db8::1]:5000/repo@${sha256}`, '[2001:db8::1]:5000', 'repo', undefined, sha256],
  [`[2001:db8::1]:5000/repo:tag@${sha256}`, '[2001:db8::1]:5000', 'repo', 'tag', sha256],
  ['[2001:db8::]:5000/repo', '[2001:db8::]:5000', 'repo'],
  ['[::1]:5000/repo', '[::1]:5000', 'repo'],
  // normalize_test.go TestValidateReferenceName, TestValidateRemoteName, TestParseRepositoryInfo
  ['docker/docker', 'docker.io', 'docker/docker'],
  ['library/debian', 'docker.io', 'library/debian'],
  ['debian', 'docker.io', 'library/debian'],
  ['docker.io/docker/docker', 'docker.io', 'docker/docker'],
  ['docker.io/library/debian', 'docker.io', 'library/debian'],
  ['docker.io/debian', 'docker.io', 'library/debian'],
  ['index.docker.io/docker/docker', 'docker.io', 'docker/docker'],
  ['index.docker.io/library/debian', 'docker.io', 'library/debian'],
  ['index.docker.io/debian', 'docker.io', 'library/debian'],
  ['127.0.0.1:5000/docker/docker', '127.0.0.1:5000', 'docker/docker'],
  ['127.0.0.1:5000/library/debian', '127.0.0.1:5000', 'library/debian'],
  ['127.0.0.1:5000/debian', '127.0.0.1:5000', 'debian'],
  [
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    'docker.io',
    'library/thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev'
  ],
  [
    'docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
    'docker.io',
    'library/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a'
  ],
  ['docker-rules/docker', 'docker.io', 'docker-rules/docker'],
  ['docker---rules/docker', 'docker.io', 'docker---rules/docker'],
  ['doc/docker', 'docker.io', 'doc/docker'],
  ['d/docker', 'docker.io', 'd/docker'],
  ['jess/t', 'docker.io', 'jess/t'],
  ['dock__er/docker', 'docker.io', 'dock__er/docker'],
  ['nonlibrary/ubuntu', 'docker.io', 'nonlibrary/ubuntu'],
  ['other/library', 'docker.io', 'other/library'],
  ['127.0.0.1:8000/private/moonbase', '127.0.0.1:8000', 'private/moonbase'],
  ['example.com/privatebase', 'example.com', 'privatebase'],
  ['example.com:8000/private/moonbase', 'example.com:8000', 'private/moonbase'],
  ['ubuntu-12.04-base', 'docker.io', 'library/ubuntu-12.04-base'],
  ['docker.io/library/foo/bar', 'docker.io', 'library/foo/bar'],
  ['store/foo/bar', 'docker.io', 'store/foo/bar'],
  // TestNormalizedSplitHostname
  ['test.com/foo', 'test.com', 'foo'],
  ['test_com/foo', 'docker.io', 'test_com/foo'],
  ['docker/migrator', 'docker.io', 'docker/migrator'],
  ['test.com:8080/foo', 'test.com:8080', 'foo'],
  ['test-com:8080/foo', 'test-com:8080', 'foo'],
  ['xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo'],
  // TestParseReferenceWithTagAndDigest
  [`busybox:latest@${busybox}`, 'docker.io', 'library/busybox', 'latest', busybox],
  // localhost is always a registry; an upper-case first component is taken as one too
  ['localhost/foo', 'localhost', 'foo'],
  ['localhost:5000/foo:1.0', 'localhost:5000', 'foo', '1.0'],
  ['Uppercase/lowercase:tag', 'Uppercase', 'lowercase', 'tag'],
  ['ghcr.io/acme/app:sha-0123abc', 'ghcr.io', 'acme/app', 'sha-0123abc'],
  ['us-docker.pkg.dev/project/repo/image:v1', 'us-docker.pkg.dev', 'project/repo/image', 'v1']
]

type Invalid = [input: string, reason: string]

const invalid: Invalid[] = [
  ['', 'it is empty'],
  [':justtag', 'is not a valid repository name'],
  [`@${sha256}`, 'is not a valid repository name'],
  [`repo@sha256:${'f'.repeat(34)}`, 'invalid sha256 digest: 34 hex characters, expected 64'],
  [`validname@invaliddigest:${'f'.repeat(64)}`, 'unsupported digest algorithm "invaliddigest"'],
  [`repo@sha256:${'F'.repeat(64)}`, 'only lowercase hex'],
  ['Uppercase:tag', 'repository name "library/Uppercase" must be lowercase'],
  ['test:5000/Uppercase/lowercase:tag', 'repository name "Uppercase/lowercase" must be lowercase'],
  [`${'a/'.repeat(128)}a:tag`, 'longer than 255 characters'],
  ['aa/asdf$$^/aa', '"aa/asdf$$^/aa" is not a valid repository name'],
  ['[2001:db8::1]', 'is not a valid repository name'],
  ['[2001:db8::1]:5000', 'is not a valid repository name'],
  ['[2001:db8::1]:tag', 'is not a valid repository name'],
  ['[fe80::1%eth0]:5000/repo', '"[fe80::1%eth0]:5000" is not a valid registry host'],
  ['[fe80::1%@invalidzone]:5000/repo', 'is not a valid registry host'],
  ['https://github.com/docker/docker', '"https:" is not a valid registry host'],
  ['docker/Docker', 'must be lowercase'],
  ['-docker', 'is not a valid repository name'],
  ['-docker/docker', 'is not a valid repository name'],
  ['-docker.io/docker/docker', 'is not a valid registry host'],
  ['docker///docker', 'is not a valid repository name'],
  ['docker.io/docker/Docker', 'must be lowercase'],
  ['docker.io/docker///docker', 'is not a valid repository name'],
  ['1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a', 'is an image ID'],
  ['docker-/docker', 'is not a valid repository name'],
  ['-docker-/docker', 'is not a valid repository name'],
  ['____/____', 'is not a valid repository name'],
  ['_docker/_docker', 'is not a valid repository name'],
  ['dock..er/docker', '"dock..er" is not a valid registry host'],
  ['dock_.er/docker', '"dock_.er" is not a valid registry host'],
  ['dock-.er/docker', '"dock-.er" is not a valid registry host'],
  ['docker/', 'is not a valid repository name'],
  [
    `${'this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_'.repeat(4)}/docker`,
    'is not a valid repository name'
  ],
  [' alpine', 'leading or trailing spaces'],
  ['alpine:', '"" is not a valid tag'],
  ['alpine:-tag', '"-tag" is not a valid tag'],
  [`alpine:${'t'.repeat(129)}`, 'is not a valid tag'],
  ['alpine@sha256', 'is not a valid digest']
]

describe('parseReference', () => {
  // Rows as objects: jest passes `done` for parameters a short row leaves out.
  const rows = valid.map(([input, registry, repository, tag, digest]) => ({
    input,
    registry,
    repository,
    tag,
    digest
  }))
  test.each(rows)('$input', ({ input, registry, repository, tag, digest }) => {
    const ref = parseReference(input)
    expect({
      registry: ref.registry,
      repository: ref.repository,
      tag: ref.tag,
      digest: ref.digest
    }).toEqual({
      registry,
      repository,
      tag,
      digest
    })
    expect(ref.name).toBe(`${registry}/${repository}`)
    const text = `${registry}/${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`
    expect(ref.toString()).toBe(text)
    expect(String(ref)).toBe(text)
    // The normalised form parses to itself.
    expect(parseReference(text).toString()).toBe(text)
  })

  test.each(invalid)('rejects %j', (input, reason) => {
    let error: unknown
    try {
      parseReference(input)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(UserError)
    const message = (error as Error).message
    expect(message.startsWith(`invalid image reference "${input}": `)).toBe(true)
    expect(message).toContain(reason)
    expect(message).not.toContain('\n')
  })

  test('Docker Hub is served from registry-1.docker.io', () => {
    expect(parseReference('alpine').apiHost).toBe('registry-1.docker.io')
    expect(parseReference('index.docker.io/acme/app').apiHost).toBe('registry-1.docker.io')
    expect(parseReference('ghcr.io/acme/app').apiHost).toBe('ghcr.io')
    expect(registryApiHost('127.0.0.1:5000')).toBe('127.0.0.1:5000')
  })

  test('what to ask the registry for: digest, else tag, else latest', () => {
    expect(parseReference('alpine').identifier).toBe('latest')
    expect(parseReference('alpine:3.20').identifier).toBe('3.20')
    expect(parseReference(`alpine:3.20@${busybox}`).identifier).toBe(busybox)
  })

  test('withTag, withDigest and atDigest', () => {
    const ref = parseReference('ghcr.io/acme/app:1.0')
    expect(ref.withTag('2.0').toString()).toBe('ghcr.io/acme/app:2.0')
    expect(ref.withDigest(busybox).toString()).toBe(`ghcr.io/acme/app:1.0@${busybox}`)
    expect(ref.atDigest(busybox).toString()).toBe(`ghcr.io/acme/app@${busybox}`)
    expect(() => ref.withTag('-bad')).toThrow('invalid tag "-bad"')
    expect(() => ref.withDigest('sha256:abc')).toThrow(UserError)
    expect(JSON.stringify({ ref })).toBe('{"ref":"ghcr.io/acme/app:1.0"}')
  })
})
