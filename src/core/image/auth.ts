import type { Credential, CredentialStore } from './credentials.js'
import { secretsOf } from './credentials.js'
import type { HttpRequest, HttpResponse } from './http.js'
import { describeErrorBody, RegistryError } from './registry-error.js'
import { parseWwwAuthenticate, type Challenge } from './www-authenticate.js'

// Registry authentication (the distribution "token authentication" spec): a request without
// credentials gets 401 and a WWW-Authenticate challenge. For Bearer, slipway asks the realm for
// a token for the scopes it needs (with basic auth when it has a user and password, with an
// OAuth2 refresh-token grant for an identity token, anonymously otherwise) and retries with it.
// For Basic, it sends the user and password. Docker Hub, GHCR and Artifact Registry use Bearer;
// ECR and many self-hosted registries Basic. Once a registry's scheme is known, later requests
// carry credentials from the start.

/** Scope for pulling from, or pushing to, a repository. */
export function pullScope(repository: string): string {
  return `repository:${repository}:pull`
}

export function pushScope(repository: string): string {
  return `repository:${repository}:pull,push`
}

interface Token {
  value: string
  expiresAt: number
}

interface RegistryAuth {
  scheme?: 'basic' | 'bearer'
  realm?: string
  service?: string
  basic?: string
  tokens: Map<string, Promise<Token>>
}

export interface AuthenticatorOptions {
  credentials: CredentialStore
  /** Called with every secret (password, token) before it is used. */
  onSecret?: (value: string) => void
  /** Sends a request to a token realm (with retries). */
  send: (request: HttpRequest) => Promise<HttpResponse>
  /** Whether credentials may go to this URL when it is plain HTTP (loopback, insecure). */
  mayUsePlainHttp: (url: URL) => boolean
  now?: () => number
}

/** Tokens are renewed this long before they expire. */
const EXPIRY_MARGIN_MS = 15_000
/** The token lifetime when the realm does not say (the token spec's default). */
const DEFAULT_TOKEN_SECONDS = 60

export class Authenticator {
  private readonly registries = new Map<string, RegistryAuth>()
  private readonly credentials = new Map<string, Promise<Credential | undefined>>()

  constructor(private readonly options: AuthenticatorOptions) {}

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  private state(registry: string): RegistryAuth {
    let state = this.registries.get(registry)
    if (!state) {
      state = { tokens: new Map() }
      this.registries.set(registry, state)
    }
    return state
  }

  /** The registry's credential, looked up once; its secrets are reported before any use. */
  credential(registry: string): Promise<Credential | undefined> {
    let credential = this.credentials.get(registry)
    if (!credential) {
      credential = this.options.credentials.get(registry).then((found) => {
        if (found) for (const secret of secretsOf(found)) this.options.onSecret?.(secret)
        return found
      })
      this.credentials.set(registry, credential)
    }
    return credential
  }

  /** The Authorization header for a request, once the registry's scheme is known. */
  async header(registry: string, scopes: string[]): Promise<string | undefined> {
    const state = this.registries.get(registry)
    if (!state?.scheme) return undefined
    if (state.scheme === 'basic') return state.basic
    const key = scopeKey(scopes)
    let token = state.tokens.get(key)
    if (token) {
      const known = await token.catch(() => undefined)
      if (!known || known.expiresAt - EXPIRY_MARGIN_MS <= this.now()) token = undefined
    }
    if (!token) {
      token = this.fetchToken(registry, state, scopes)
      state.tokens.set(key, token)
      token.catch(() => state.tokens.delete(key))
    }
    const value = (await token).value
    return value ? `Bearer ${value}` : undefined
  }

  /**
   * Learns from a 401: remembers the scheme and realm and drops the token that was refused, so
   * that the next header() fetches a fresh one. Throws when nothing can be done.
   */
  async challenge(
    registry: string,
    scopes: string[],
    wwwAuthenticate: string | undefined
  ): Promise<void> {
    const challenges = parseWwwAuthenticate(wwwAuthenticate)
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm)
    const basic = challenges.find((c) => c.scheme === 'basic')
    const state = this.state(registry)
    if (bearer) {
      state.scheme = 'bearer'
      state.realm = bearer.params.realm
      state.service = bearer.params.service
      const wanted = mergeScopes(scopes, bearer)
      state.tokens.delete(scopeKey(scopes))
      if (wanted.length !== scopes.length) {
        // The registry asks for a scope we did not name; ask for both under our key.
        state.tokens.set(scopeKey(scopes), this.fetchToken(registry, state, wanted))
      }
      return
    }
    if (basic) {
      const credential = await this.credential(registry)
      if (!credential?.username || credential.password === undefined) {
        throw this.required(registry)
      }
      const encoded = Buffer.from(`${credential.username}:${credential.password}`).toString(
        'base64'
      )
      this.options.onSecret?.(encoded)
      state.scheme = 'basic'
      state.basic = `Basic ${encoded}`
      return
    }
    throw new RegistryError(
      `authentication required for ${registry}, but its challenge is not one slipway knows ` +
        `(${challenges.map((c) => c.scheme).join(', ') || 'none given'})`,
      { status: 401 }
    )
  }

  /** The error for a request still refused after authenticating. */
  async refused(
    registry: string,
    repository: string,
    wwwAuthenticate: string | undefined
  ): Promise<RegistryError> {
    const credential = await this.credential(registry)
    if (!credential) {
      return new RegistryError(
        `authentication required for ${registry}: anonymous access to ${repository} was refused ` +
          `(log in with docker login ${registry}, or pass credentials)`,
        { status: 401, code: 'UNAUTHORIZED' }
      )
    }
    const bearer = parseWwwAuthenticate(wwwAuthenticate).find((c) => c.scheme === 'bearer')
    if (bearer?.params.error === 'insufficient_scope') {
      return new RegistryError(
        `access denied to ${repository} on ${registry}: the credentials do not grant ${bearer.params.scope ?? 'the access needed'}`,
        { status: 401, code: 'DENIED' }
      )
    }
    return new RegistryError(
      `authentication failed for ${registry}: the registry refused the credentials`,
      { status: 401, code: 'UNAUTHORIZED' }
    )
  }

  private required(registry: string): RegistryError {
    return new RegistryError(
      `authentication required for ${registry}: no credentials found (log in with docker login ${registry}, or pass credentials)`,
      { status: 401, code: 'UNAUTHORIZED' }
    )
  }

  private async fetchToken(
    registry: string,
    state: RegistryAuth,
    scopes: string[]
  ): Promise<Token> {
    const credential = await this.credential(registry)
    if (credential?.registryToken) {
      return { value: credential.registryToken, expiresAt: Number.POSITIVE_INFINITY }
    }
    let realm: URL
    try {
      realm = new URL(state.realm ?? '')
    } catch {
      throw new RegistryError(`${registry} sent an invalid token realm "${state.realm}"`)
    }
    if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
      throw new RegistryError(`${registry} sent a token realm that is not HTTP(S): ${realm.href}`)
    }
    const hasSecret = Boolean(credential?.identityToken || credential?.password)
    if (hasSecret && realm.protocol === 'http:' && !this.options.mayUsePlainHttp(realm)) {
      throw new RegistryError(
        `refusing to send credentials for ${registry} to the plain-HTTP token realm ${realm.origin} (mark it insecure to allow)`
      )
    }

    let response: HttpResponse
    if (credential?.identityToken) {
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: credential.identityToken,
        client_id: 'slipway',
        ...(state.service ? { service: state.service } : {}),
        ...(scopes.length > 0 ? { scope: scopes.join(' ') } : {})
      })
      response = await this.options.send({
        method: 'POST',
        url: realm,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: Buffer.from(form.toString())
      })
    } else {
      const url = new URL(realm)
      if (state.service) url.searchParams.set('service', state.service)
      for (const scope of scopes) url.searchParams.append('scope', scope)
      const headers: Record<string, string> = {}
      if (credential?.username !== undefined && credential.password !== undefined) {
        headers.authorization = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`
      }
      response = await this.options.send({ method: 'GET', url, headers })
    }

    const body = await response.text(1 << 20)
    if (response.status === 401 || response.status === 403) {
      const detail = describeErrorBody(body).text
      throw new RegistryError(
        credential
          ? `authentication failed for ${registry}: the token service refused the credentials (${response.status}${detail ? ` ${detail}` : ''})`
          : `authentication required for ${registry}: anonymous access refused (log in with docker login ${registry})`,
        { status: response.status, code: 'UNAUTHORIZED' }
      )
    }
    if (response.status !== 200) {
      throw new RegistryError(
        `token service of ${registry} (${realm.host}) answered HTTP ${response.status}: ${describeErrorBody(body).text}`,
        { status: response.status }
      )
    }
    let parsed: { token?: string; access_token?: string; expires_in?: number }
    try {
      parsed = JSON.parse(body) as typeof parsed
    } catch {
      throw new RegistryError(
        `token service of ${registry} (${realm.host}) answered something that is not JSON`
      )
    }
    const value = parsed.token ?? parsed.access_token
    if (!value)
      throw new RegistryError(
        `token service of ${registry} (${realm.host}) answered without a token`
      )
    this.options.onSecret?.(value)
    const seconds =
      Number(parsed.expires_in) > 0 ? Number(parsed.expires_in) : DEFAULT_TOKEN_SECONDS
    return { value, expiresAt: this.now() + seconds * 1000 }
  }
}

function scopeKey(scopes: string[]): string {
  return [...scopes].sort().join(' ')
}

function mergeScopes(scopes: string[], challenge: Challenge): string[] {
  const asked = (challenge.params.scope ?? '').split(' ').filter(Boolean)
  const merged = [...scopes]
  for (const scope of asked)
    if (!merged.includes(scope) && !covered(scope, merged)) merged.push(scope)
  return merged
}

/** Whether repository:X:pull is covered by repository:X:pull,push already in the list. */
function covered(scope: string, scopes: string[]): boolean {
  const [type, name, actions] = splitScope(scope)
  return scopes.some((other) => {
    const [otherType, otherName, otherActions] = splitScope(other)
    return (
      otherType === type && otherName === name && actions.every((a) => otherActions.includes(a))
    )
  })
}

function splitScope(scope: string): [string, string, string[]] {
  const first = scope.indexOf(':')
  const last = scope.lastIndexOf(':')
  return [scope.slice(0, first), scope.slice(first + 1, last), scope.slice(last + 1).split(',')]
}
