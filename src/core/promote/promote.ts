import type { GatesConfig, WindowsConfig } from '../config/schema.js'
import type { DeployOutcome } from '../deploy/deploy.js'
import type { Release } from '../deploy/release-record.js'
import { liveRelease } from '../deploy/release-store.js'
import { errorMessage, UserError } from '../errors.js'
import type { CopyResult } from '../image/copy.js'
import { blockingGates, decide, gatesAllow, onlyInconclusive, type GateResult } from './gate.js'
import { evaluateGates } from './gates.js'
import { chooseRelease, type ReleaseSelector } from './source-release.js'

// A promotion: the digest that proved itself in `from` goes to `to`, never rebuilt. The gates
// decide; then the digest is copied to the target's own repository by digest (no tag moves),
// deployed there by the deploy core (which restores the target's live release when the deploy
// fails), and only then is the target's tag moved: either all of it happened, or the
// environment and its tag are as they were.

export interface TargetImage {
  /** The target's own repository, when it has one (environments.<to>.image). */
  repository: string
  tag: string
}

export interface PromoteRequest {
  from: string
  to: string
  /** Releases of `from` and of `to`, newest first, as the cluster records them. */
  sourceReleases: Release[]
  targetReleases: Release[]
  selector?: ReleaseSelector
  gates: GatesConfig
  soakMs?: number
  windows?: WindowsConfig
  overrideReason?: string
  /**
   * A person's decision (who and why) to go ahead although gates are inconclusive; honoured
   * only when the target's gates have allow-manual-decision.
   */
  decision?: string
  allowDowngrade?: boolean
  plan?: boolean
  now?: Date
  targetImage?: TargetImage
  /** Copies an image (by digest) to a reference of the target's repository. */
  copy: (source: string, destination: string) => Promise<CopyResult>
  /**
   * Takes the target's lock (the deploy core's lease) and reads its releases under it; the
   * promotion is then decided again, so one that waited for another sees what that one did.
   */
  lockTarget?: () => Promise<{ releases: Release[]; unlock: () => Promise<void> }>
  /** Deploys the image to `to` (dry run: the server's, changing nothing). */
  deploy: (image: string, options: DeployOptions) => Promise<DeployOutcome>
  log?: (line: string) => void
}

export interface DeployOptions {
  dryRun: boolean
  reason: string
  commit?: string
  scanVerdict?: string
}

export type PromoteResult = 'promoted' | 'unchanged' | 'blocked' | 'failed' | 'plan'

export interface PromoteOutcome {
  result: PromoteResult
  /** For a plan: whether the promotion would go ahead. */
  wouldPromote: boolean
  /** Only inconclusive gates stand in the way and the target allows a person to decide. */
  decisionNeeded: boolean
  from: string
  to: string
  source: Release
  gates: GateResult[]
  /** The image B runs after the promotion, repository@digest. */
  image: string
  /** What a promotion changes (for a plan: would change). */
  changes: string[]
  targetBefore?: Release
  targetRelease?: Release
  copy?: CopyResult
  deploy?: DeployOutcome
  message: string
}

export async function promote(request: PromoteRequest): Promise<PromoteOutcome> {
  const { from, to } = request
  const source = chooseRelease(from, request.sourceReleases, request.selector)
  const evaluated = evaluateGates({
    from,
    to,
    release: source,
    history: request.sourceReleases,
    gates: request.gates,
    soakMs: request.soakMs,
    windows: request.windows,
    overrideReason: request.overrideReason,
    now: request.now ?? new Date()
  })
  const decidable = request.gates['allow-manual-decision'] && onlyInconclusive(evaluated)
  if (request.decision && !request.gates['allow-manual-decision']) {
    throw new UserError(
      `a manual decision was given, but environments.${to}.gates.allow-manual-decision is not true`
    )
  }
  const gates = request.decision && decidable ? decide(evaluated, request.decision) : evaluated
  const decisionNeeded = decidable && !request.decision
  const digest = source.digest ?? ''
  const image = request.targetImage
    ? `${request.targetImage.repository}@${digest}`
    : (source.image ?? digest)
  const targetBefore = liveRelease(request.targetReleases)
  const base = { from, to, source, gates, image, targetBefore, decisionNeeded }
  const done = (result: PromoteResult, message: string, more: Partial<PromoteOutcome> = {}) => ({
    ...base,
    result,
    wouldPromote: false,
    changes: [],
    message,
    ...more
  })

  if (digest && targetBefore?.digest === digest) {
    return done(
      'unchanged',
      `${digest} is already live in ${to} as release ${targetBefore.number}: nothing changed`
    )
  }
  const downgrade = request.allowDowngrade
    ? undefined
    : newerInSource(targetBefore, source, request.sourceReleases)
  const blockedBy = [
    gatesAllow(gates) ? '' : `gates: ${blockingGates(gates)}`,
    downgrade
      ? `${to} runs ${downgrade.digest}, which came to ${from} as release ${downgrade.number}, after release ${source.number}: not deploying an older digest over it without allow-downgrade`
      : ''
  ].filter(Boolean)

  const next = (request.targetReleases[0]?.number ?? 0) + 1
  const changes: string[] = []
  if (request.targetImage && source.image) {
    changes.push(
      `copy ${source.image} to ${image} (by digest; blobs are mounted within one registry)`
    )
  }
  changes.push(
    `deploy ${image} to ${to} as release ${next}, replacing ${targetBefore ? `release ${targetBefore.number} (${targetBefore.digest ?? 'no digest'})` : 'nothing'}`
  )
  if (request.targetImage) {
    changes.push(
      `tag ${request.targetImage.repository}:${request.targetImage.tag} as ${digest} once deployed`
    )
  }
  const reason = [
    `promoted from ${from} release ${source.number}`,
    request.overrideReason && gates.some((g) => g.overridden)
      ? `windows overridden: ${request.overrideReason}`
      : '',
    gates.some((g) => g.decided) ? `inconclusive gates decided: ${request.decision}` : '',
    request.allowDowngrade && newerInSource(targetBefore, source, request.sourceReleases)
      ? 'downgrade allowed'
      : ''
  ]
    .filter(Boolean)
    .join('; ')

  if (request.plan) {
    try {
      const dry = await request.deploy(image, { dryRun: true, reason, commit: source.commit })
      changes.push(
        `server dry run: ${dry.applied.length} objects applied, ${dry.pruned.length} pruned`
      )
    } catch (error) {
      changes.push(errorMessage(error))
    }
    const wouldPromote = blockedBy.length === 0
    return done(
      'plan',
      wouldPromote
        ? `plan: ${digest} would be promoted from ${from} release ${source.number} to ${to}; nothing was changed`
        : `plan: the promotion to ${to} would be refused (${blockedBy.join('; ')})${decisionNeeded ? '; only inconclusive gates: a person may decide' : ''}; nothing was changed`,
      { wouldPromote, changes }
    )
  }
  if (blockedBy.length > 0) {
    const ask = decisionNeeded ? '; only inconclusive gates: a person may decide' : ''
    return done(
      'blocked',
      `promotion of ${digest} to ${to} refused: ${blockedBy.join('; ')}${ask}`,
      {
        changes
      }
    )
  }

  if (request.lockTarget) {
    const locked = await request.lockTarget()
    try {
      return await promote({ ...request, targetReleases: locked.releases, lockTarget: undefined })
    } finally {
      await locked.unlock()
    }
  }

  let copy: CopyResult | undefined
  if (request.targetImage && source.image) {
    copy = await request.copy(source.image, image)
    request.log?.(
      `copy: ${image} (${copy.blobsMounted} blobs mounted, ${copy.blobsSkipped} present, ${copy.blobsCopied} copied)`
    )
  }
  const deployed = await request.deploy(image, {
    dryRun: false,
    reason,
    commit: source.commit,
    scanVerdict: source.scanVerdict
  })
  if (deployed.result !== 'deployed') {
    return done('failed', `promotion of ${digest} to ${to} failed: ${deployed.message}`, {
      changes,
      copy,
      deploy: deployed,
      targetRelease: deployed.release
    })
  }
  // The deploy is done and B runs the digest: a tag that cannot be moved is reported, not undone.
  let tagProblem = ''
  if (request.targetImage) {
    const tag = `${request.targetImage.repository}:${request.targetImage.tag}`
    await request.copy(image, tag).catch((error: unknown) => {
      tagProblem = `; but ${tag} could not be moved to it: ${errorMessage(error)}`
    })
  }
  return done(
    'promoted',
    `promoted ${digest} from ${from} release ${source.number} to ${to} release ${deployed.release.number}${tagProblem}`,
    { wouldPromote: true, changes, copy, deploy: deployed, targetRelease: deployed.release }
  )
}

/**
 * The release of the source that brought the target's live digest, when it came after the
 * release being promoted: promoting would put an older digest over a newer one. A digest the
 * source never ran cannot be ordered and is not treated as newer.
 */
function newerInSource(
  targetLive: Release | undefined,
  source: Release,
  sourceReleases: Release[]
): Release | undefined {
  if (!targetLive?.digest) return undefined
  const first = sourceReleases
    .filter((r) => r.digest === targetLive.digest)
    .sort((a, b) => a.number - b.number)[0]
  return first && first.number > source.number ? first : undefined
}
