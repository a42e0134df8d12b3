import type { Config } from '../config/index.js'
import { gatesSchema } from '../config/schema.js'
import { deploy, lockEnvironment } from '../deploy/deploy.js'
import type { HeldLease } from '../deploy/lease.js'
import { ReleaseStore } from '../deploy/release-store.js'
import { deploySettings } from '../deploy/settings.js'
import { parseDuration } from '../duration.js'
import { UserError, UserErrors } from '../errors.js'
import { copyImage } from '../image/copy.js'
import { parseReference } from '../image/reference.js'
import type { RegistryClient } from '../image/registry.js'
import type { KubeClient } from '../kube/client.js'
import { errorsOf, findingError } from '../manifests/findings.js'
import { renderEnvironment } from '../manifests/pipeline.js'
import { promote, type PromoteOutcome, type TargetImage } from './promote.js'
import type { ReleaseSelector } from './source-release.js'

// A promotion between two environments of slipway.yaml, wired to the real pieces: the release
// records of both clusters, the registry, the render of the target and the deploy core. The
// CLI and the action both run this.

export interface PromoteEnvironmentRequest {
  config: Config
  configFile: string
  /** The repository root the manifests are rendered from. */
  root: string
  from: string
  to?: string
  selector?: ReleaseSelector
  plan?: boolean
  overrideReason?: string
  decision?: string
  allowDowngrade?: boolean
  source: KubeClient
  target: KubeClient
  registry: RegistryClient
  actor?: string
  runUrl?: string
  holder: string
  log?: (line: string) => void
}

/** The target of a promotion: `to`, else the source's promote-to. */
export function promotionTarget(config: Config, from: string, to?: string): string {
  const source = config.environments[from]
  if (!source) throw new UserError(`environment "${from}" is not defined in slipway.yaml`)
  const target = to ?? source['promote-to']
  if (!target) {
    throw new UserError(`no target: environment ${from} has no promote-to, so name one with to`)
  }
  if (!config.environments[target]) {
    throw new UserError(`environment "${target}" is not defined in slipway.yaml`)
  }
  return target
}

export async function promoteEnvironment(
  request: PromoteEnvironmentRequest
): Promise<PromoteOutcome> {
  const { config, from } = request
  const to = promotionTarget(config, from, request.to)
  const source = config.environments[from]
  const target = config.environments[to]
  if (target.strategy !== 'rolling') {
    throw new UserError(
      `environment ${to} uses the ${target.strategy} strategy, which promote does not carry out in this release; set strategy: rolling for it`
    )
  }
  const gates = target.gates ?? gatesSchema.parse({})
  const settings = deploySettings(config, to)
  let lease: HeldLease | undefined
  return promote({
    from,
    to,
    sourceReleases: await new ReleaseStore(request.source, from, source.namespace).list(),
    targetReleases: await targetReleases(request.target, to, target.namespace),
    selector: request.selector,
    gates,
    soakMs: gates.soak === undefined ? undefined : parseDuration(gates.soak),
    windows: target.windows,
    overrideReason: request.overrideReason,
    decision: request.decision,
    allowDowngrade: request.allowDowngrade,
    plan: request.plan,
    targetImage: target.image ? targetImage(target.image, to) : undefined,
    lockTarget: async () => {
      const held = await lockEnvironment(
        request.target,
        { environment: to, namespace: target.namespace, holder: request.holder, settings },
        (step, detail) => request.log?.(`${step}: ${detail}`)
      )
      lease = held
      return {
        releases: await new ReleaseStore(request.target, to, target.namespace).list(),
        unlock: () => held.release()
      }
    },
    copy: (src, dst) => copyImage(parseReference(src), parseReference(dst), request.registry),
    deploy: async (image, options) => {
      if (options.dryRun && !(await request.target.get('v1', 'Namespace', target.namespace))) {
        throw new UserError(
          `namespace ${target.namespace} does not exist yet: it would be created; the server cannot dry-run objects in it before`
        )
      }
      const rendered = await renderEnvironment({
        config,
        environment: to,
        root: request.root,
        configFile: request.configFile,
        image,
        commit: options.commit
      })
      const errors = errorsOf(rendered.findings)
      if (errors.length > 0) throw new UserErrors(errors.map(findingError))
      return deploy(request.target, {
        environment: to,
        namespace: target.namespace,
        objects: rendered.objects.map((o) => o.object),
        renderHash: rendered.hash,
        image: rendered.release.image,
        commit: rendered.release.commit,
        actor: request.actor,
        reason: options.reason,
        runUrl: request.runUrl,
        scanVerdict: options.scanVerdict,
        strategy: 'rolling',
        holder: request.holder,
        settings,
        lease: options.dryRun ? undefined : lease,
        dryRun: options.dryRun,
        log: request.log
      })
    },
    log: request.log
  })
}

/** The target's releases; none when its namespace does not exist yet. */
async function targetReleases(client: KubeClient, environment: string, namespace: string) {
  if (!(await client.get('v1', 'Namespace', namespace))) return []
  return new ReleaseStore(client, environment, namespace).list()
}

/** `repository[:tag]`; the tag defaults to the environment's name. */
function targetImage(text: string, environment: string): TargetImage {
  const ref = parseReference(text)
  if (ref.digest) {
    throw new UserError(
      `environments.${environment}.image names a digest (${text}): give a repository, with a tag if wanted`
    )
  }
  return { repository: `${ref.registry}/${ref.repository}`, tag: ref.tag ?? environment }
}
