import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import { UserError } from '../errors.js'
import { registryAliases, type Credential, type CredentialStore } from './credentials.js'
import { DOCKER_HUB } from './reference.js'

// Credentials as `docker login` leaves them in ~/.docker/config.json (or $DOCKER_CONFIG):
//   credHelpers: { "<registry>": "<name>" }  ask docker-credential-<name> for that registry
//   credsStore: "<name>"                      ask docker-credential-<name> for any registry
//   auths: { "<registry>": { auth: base64("user:password"), identitytoken, registrytoken } }
// A helper is run as `docker-credential-<name> get` with the server address on stdin and
// answers {"ServerURL","Username","Secret"}; the user "<token>" means Secret is an identity token.

/** The server address docker uses as the key for Docker Hub. */
export const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/'

interface AuthEntry {
  auth?: string
  username?: string
  password?: string
  identitytoken?: string
  registrytoken?: string
}

interface DockerConfig {
  auths?: Record<string, AuthEntry>
  credHelpers?: Record<string, string>
  credsStore?: string
}

export interface DockerConfigOptions {
  /** The folder holding config.json; default $DOCKER_CONFIG, else ~/.docker */
  configDir?: string
  /** Environment for credential helpers (PATH) */
  env?: NodeJS.ProcessEnv
}

export class DockerConfigCredentials implements CredentialStore {
  readonly file: string
  private config?: Promise<DockerConfig>
  private readonly env: NodeJS.ProcessEnv

  constructor(options: DockerConfigOptions = {}) {
    const env = options.env ?? process.env
    const dir = options.configDir ?? env.DOCKER_CONFIG ?? path.join(homedir(), '.docker')
    this.file = path.join(dir, 'config.json')
    this.env = env
  }

  async get(registry: string): Promise<Credential | undefined> {
    const config = await (this.config ??= this.load())
    const aliases = registryAliases(registry)
    const serverAddress = aliases.includes(DOCKER_HUB) ? DOCKER_HUB_SERVER : registry

    const helper = findHelper(config.credHelpers, aliases, serverAddress)
    if (helper) {
      const credential = await this.fromHelper(helper, serverAddress, true)
      if (credential) return credential
    }
    if (config.credsStore) {
      const credential = await this.fromHelper(config.credsStore, serverAddress, false)
      if (credential) return credential
    }
    return fromAuths(config.auths, aliases, this.file)
  }

  private async load(): Promise<DockerConfig> {
    let text: string
    try {
      // Synchronously: a small file, and node:fs/promises would cost a short command more to
      // load than the read itself.
      text = readFileSync(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
      throw new UserError(`cannot read ${this.file}: ${(error as Error).message}`)
    }
    try {
      const config = JSON.parse(text) as DockerConfig
      return typeof config === 'object' && config !== null ? config : {}
    } catch (error) {
      throw new UserError(`${this.file} is not valid JSON: ${(error as Error).message}`)
    }
  }

  /**
   * Runs docker-credential-<name> get. A helper named for this registry in credHelpers must
   * exist; a global credsStore that is not installed (a config copied from a desktop) is
   * passed over, and the auths entries are used instead.
   */
  private async fromHelper(
    name: string,
    serverAddress: string,
    required: boolean
  ): Promise<Credential | undefined> {
    if (!/^[A-Za-z0-9._-]+$/.test(name))
      throw new UserError(`${this.file}: invalid credential helper name "${name}"`)
    const program = `docker-credential-${name}`
    const { runCommand } = await import('../process.js') // child_process only when a helper runs
    let result
    try {
      result = await runCommand(program, ['get'], { input: serverAddress, env: this.env })
    } catch (error) {
      if (!required && error instanceof UserError) return undefined
      throw new UserError(
        `${program} (credential helper for ${serverAddress} in ${this.file}) is not installed or not on PATH`
      )
    }
    if (result.exitCode !== 0) {
      const said = `${result.stdout} ${result.stderr}`.trim()
      if (/credentials not found/i.test(said) || said === '') return undefined
      // Its output is not shown: a helper may print the secret it failed to store or read.
      throw new UserError(
        `${program} get failed for ${serverAddress} (exit ${result.exitCode}; its output is not shown, as it may hold credentials)`
      )
    }
    let answer: { Username?: string; Secret?: string }
    try {
      answer = JSON.parse(result.stdout) as { Username?: string; Secret?: string }
    } catch {
      throw new UserError(`${program} get answered something that is not JSON for ${serverAddress}`)
    }
    if (!answer.Secret) return undefined
    if (answer.Username === '<token>') return { identityToken: answer.Secret }
    return { username: answer.Username ?? '', password: answer.Secret }
  }
}

/** The host a config key names: "https://index.docker.io/v1/" is index.docker.io. */
export function configKeyHost(key: string): string {
  return key.replace(/^[a-z]+:\/\//i, '').split('/', 1)[0]
}

function findHelper(
  helpers: Record<string, string> | undefined,
  aliases: string[],
  serverAddress: string
): string | undefined {
  if (!helpers) return undefined
  if (helpers[serverAddress]) return helpers[serverAddress]
  for (const [key, helper] of Object.entries(helpers)) {
    if (aliases.includes(configKeyHost(key))) return helper
  }
  return undefined
}

function fromAuths(
  auths: Record<string, AuthEntry> | undefined,
  aliases: string[],
  file: string
): Credential | undefined {
  if (!auths) return undefined
  for (const [key, entry] of Object.entries(auths)) {
    if (!aliases.includes(configKeyHost(key)) || !entry) continue
    const credential: Credential = {}
    if (entry.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      if (colon === -1)
        throw new UserError(`${file}: the auth entry for ${key} is not base64 of user:password`)
      credential.username = decoded.slice(0, colon)
      credential.password = decoded.slice(colon + 1)
    } else if (entry.username !== undefined && entry.password !== undefined) {
      credential.username = entry.username
      credential.password = entry.password
    }
    if (entry.identitytoken) credential.identityToken = entry.identitytoken
    if (entry.registrytoken) credential.registryToken = entry.registrytoken
    if (Object.keys(credential).length > 0) return credential
  }
  return undefined
}
