import { DOCKER_HUB, DOCKER_HUB_API_HOST } from './reference.js'

/**
 * What a registry is logged in with. username/password serves basic auth and the token
 * endpoint's basic auth; identityToken is an OAuth2 refresh token (docker config
 * `identitytoken`, a credential helper's `<token>` user); registryToken is a bearer token
 * used as is (docker config `registrytoken`).
 */
export interface Credential {
  username?: string
  password?: string
  identityToken?: string
  registryToken?: string
}

/** Looks up the credential for a registry (docker.io, ghcr.io, 127.0.0.1:5000). */
export interface CredentialStore {
  get(registry: string): Promise<Credential | undefined>
}

/** The secrets in a credential, for masking. */
export function secretsOf(credential: Credential): string[] {
  const secrets = [credential.password, credential.identityToken, credential.registryToken]
  if (credential.username !== undefined && credential.password !== undefined) {
    secrets.push(Buffer.from(`${credential.username}:${credential.password}`).toString('base64'))
  }
  return secrets.filter((s): s is string => typeof s === 'string' && s.length > 0)
}

/** The names a registry goes by: Docker Hub has several. */
export function registryAliases(registry: string): string[] {
  const hub = [DOCKER_HUB, 'index.docker.io', DOCKER_HUB_API_HOST]
  return hub.includes(registry) ? hub : [registry]
}

/** Credentials given explicitly (inputs, flags), keyed by registry. */
export class StaticCredentials implements CredentialStore {
  private readonly byRegistry = new Map<string, Credential>()

  constructor(entries: Record<string, Credential> = {}) {
    for (const [registry, credential] of Object.entries(entries)) this.set(registry, credential)
  }

  set(registry: string, credential: Credential): this {
    const host = registry.replace(/^https?:\/\//, '').split('/', 1)[0]
    for (const alias of registryAliases(host)) this.byRegistry.set(alias, credential)
    return this
  }

  async get(registry: string): Promise<Credential | undefined> {
    return this.byRegistry.get(registry)
  }
}

/** No credentials: anonymous access only. */
export const anonymous: CredentialStore = { get: async () => undefined }

/** Asks each store in turn; the first that knows the registry answers. */
export function chainCredentials(...stores: CredentialStore[]): CredentialStore {
  return {
    async get(registry) {
      for (const store of stores) {
        const credential = await store.get(registry)
        if (credential) return credential
      }
      return undefined
    }
  }
}
