import { describe, expect, test } from '@jest/globals'
import { parseWwwAuthenticate } from '../../src/core/image/www-authenticate.js'

// Challenges as registries send them, and RFC 7235's harder corners.

describe('parseWwwAuthenticate', () => {
  test('Docker Hub', () => {
    expect(
      parseWwwAuthenticate(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"'
      )
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:library/alpine:pull'
        }
      }
    ])
  })

  test('GHCR, with an error and a scope of two actions', () => {
    const [challenge] = parseWwwAuthenticate(
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/app:pull,push",error="insufficient_scope"'
    )
    expect(challenge.params).toEqual({
      realm: 'https://ghcr.io/token',
      service: 'ghcr.io',
      scope: 'repository:acme/app:pull,push',
      error: 'insufficient_scope'
    })
  })

  test('Artifact Registry', () => {
    expect(
      parseWwwAuthenticate(
        'Bearer realm="https://us-docker.pkg.dev/v2/token",service="us-docker.pkg.dev",scope="repository:p/r/i:pull"'
      )[0].params.realm
    ).toBe('https://us-docker.pkg.dev/v2/token')
  })

  test('Basic (ECR, htpasswd registries)', () => {
    expect(
      parseWwwAuthenticate(
        'Basic realm="https://123.dkr.ecr.us-east-1.amazonaws.com/",service="ecr.amazonaws.com"'
      )
    ).toEqual([
      {
        scheme: 'basic',
        params: {
          realm: 'https://123.dkr.ecr.us-east-1.amazonaws.com/',
          service: 'ecr.amazonaws.com'
        }
      }
    ])
    expect(parseWwwAuthenticate('basic realm=Registry')).toEqual([
      { scheme: 'basic', params: { realm: 'Registry' } }
    ])
  })

  test('several challenges in one header, and in several headers', () => {
    const expected = [
      { scheme: 'basic', params: { realm: 'simple' } },
      { scheme: 'bearer', params: { realm: 'https://auth.example/token', service: 'example' } }
    ]
    expect(
      parseWwwAuthenticate(
        'Basic realm="simple", Bearer realm="https://auth.example/token", service="example"'
      )
    ).toEqual(expected)
    expect(
      parseWwwAuthenticate([
        'Basic realm="simple"',
        'Bearer realm="https://auth.example/token",service=example'
      ])
    ).toEqual(expected)
  })

  test('quoted strings with commas, escapes and spaces around "="', () => {
    expect(
      parseWwwAuthenticate('Bearer realm = "a, \\"quoted\\" realm" , scope="x:y:pull,push"')
    ).toEqual([
      { scheme: 'bearer', params: { realm: 'a, "quoted" realm', scope: 'x:y:pull,push' } }
    ])
  })

  test('parameter names are case-insensitive, values are kept', () => {
    expect(parseWwwAuthenticate('BEARER Realm="R",SERVICE="S"')).toEqual([
      { scheme: 'bearer', params: { realm: 'R', service: 'S' } }
    ])
  })

  test('token68', () => {
    expect(
      parseWwwAuthenticate('Negotiate YIIBzgYGKwYBBQUCoIIBwjCCAb6gMDAu==, Basic realm="r"')
    ).toEqual([
      { scheme: 'negotiate', params: {}, token68: 'YIIBzgYGKwYBBQUCoIIBwjCCAb6gMDAu==' },
      { scheme: 'basic', params: { realm: 'r' } }
    ])
  })

  test('a scheme alone, nothing, and garbage', () => {
    expect(parseWwwAuthenticate('Bearer')).toEqual([{ scheme: 'bearer', params: {} }])
    expect(parseWwwAuthenticate(undefined)).toEqual([])
    expect(parseWwwAuthenticate('')).toEqual([])
    expect(parseWwwAuthenticate('"unterminated')).toEqual([{ scheme: 'unterminated', params: {} }])
    expect(parseWwwAuthenticate('Bearer realm="unterminated')).toEqual([
      { scheme: 'bearer', params: { realm: 'unterminated' } }
    ])
  })
})
