import type { GatesConfig, WindowsConfig } from '../config/schema.js'
import { formatDuration } from '../duration.js'
import type { Release } from '../deploy/release-record.js'
import type { GateResult } from './gate.js'
import { evaluateWindows } from './windows.js'

// The gates of a target environment, evaluated on the source release as the cluster recorded
// it. Each answers pass, fail or inconclusive with one line and its evidence.

export interface GateInput {
  from: string
  to: string
  /** The release of `from` being promoted. */
  release: Release
  /** Every release of `from`, newest first. */
  history: Release[]
  gates: GatesConfig
  /** soak in milliseconds, parsed from gates.soak. */
  soakMs?: number
  windows?: WindowsConfig
  overrideReason?: string
  now: Date
}

export function evaluateGates(input: GateInput): GateResult[] {
  const results = [provenance(input)]
  if (input.soakMs !== undefined) results.push(soak(input, input.soakMs))
  if (input.gates['require-scan']) {
    results.push(verdictGate('scan', input.release.scanVerdict, input))
  }
  if (input.gates['require-analysis']) {
    results.push(verdictGate('analysis', input.release.analysisVerdict, input))
  }
  if (input.windows) results.push(evaluateWindows(input.windows, input.now, input.overrideReason))
  return results
}

function provenance({ from, release }: GateInput): GateResult {
  const evidence: Record<string, string> = {
    release: `${from} release ${release.number} (${release.state})`,
    image: release.image ?? 'none recorded'
  }
  const fail = (reason: string): GateResult => ({
    gate: 'provenance',
    verdict: 'fail',
    reason,
    evidence
  })
  if (!release.digest) return fail(`release ${release.number} of ${from} recorded no image digest`)
  if (release.state !== 'deployed' && release.state !== 'superseded') {
    return fail(
      `release ${release.number} of ${from} is ${release.state}: only a release that reached deployed and was not rolled back is promoted`
    )
  }
  const running = containerImages(release).filter((image) => image.endsWith(`@${release.digest}`))
  evidence.containers = `${running.length} recorded container(s) run ${release.digest}`
  if (running.length === 0) {
    return fail(`no object recorded in release ${release.number} of ${from} runs ${release.digest}`)
  }
  return {
    gate: 'provenance',
    verdict: 'pass',
    reason: `${release.digest} was deployed in ${from} as release ${release.number} at ${release.finishedAt ?? release.startedAt}`,
    evidence
  }
}

function soak({ from, release, history, now }: GateInput, soakMs: number): GateResult {
  const evidence: Record<string, string> = { required: formatDuration(soakMs) }
  const result = (verdict: GateResult['verdict'], reason: string): GateResult => ({
    gate: 'soak',
    verdict,
    reason,
    evidence
  })
  if (!release.finishedAt || (release.state !== 'deployed' && release.state !== 'superseded')) {
    return result('inconclusive', `release ${release.number} of ${from} has no deployed time`)
  }
  const since = Date.parse(release.finishedAt)
  evidence.liveSince = release.finishedAt
  // A release of the source that failed or was rolled back after this one went live fails it.
  const trouble = history.find(
    (r) =>
      r.number > release.number &&
      (r.state === 'failed' || r.state === 'rolled-back') &&
      Date.parse(r.startedAt) >= since
  )
  if (trouble) {
    evidence.since = `release ${trouble.number} ${trouble.state} (started ${trouble.startedAt})`
    return result(
      'fail',
      `release ${trouble.number} of ${from} ${trouble.state === 'failed' ? 'failed' : 'was rolled back'} since release ${release.number} went live`
    )
  }
  // A superseded release was live until its successor was deployed.
  const successor =
    release.state === 'superseded'
      ? history
          .filter((r) => r.number > release.number && r.finishedAt && r.state !== 'failed')
          .sort((a, b) => a.number - b.number)[0]
      : undefined
  const until = successor?.finishedAt ? Date.parse(successor.finishedAt) : now.getTime()
  const live = until - since
  evidence.live = formatDuration(Math.max(0, live))
  if (live >= soakMs) {
    return result(
      'pass',
      `live in ${from} for ${formatDuration(live)} (at least ${formatDuration(soakMs)})`
    )
  }
  return result(
    'fail',
    successor
      ? `live in ${from} for only ${formatDuration(live)} before release ${successor.number} replaced it (needs ${formatDuration(soakMs)})`
      : `live in ${from} for ${formatDuration(Math.max(0, live))}, needs ${formatDuration(soakMs)}: ${formatDuration(soakMs - live)} to go`
  )
}

function verdictGate(
  gate: 'scan' | 'analysis',
  verdict: string | undefined,
  { from, to, release }: GateInput
): GateResult {
  const setting = `environments.${to}.gates.require-${gate}`
  const evidence = { recorded: verdict ?? 'none', release: `${from} release ${release.number}` }
  if (verdict === 'pass') {
    return {
      gate,
      verdict: 'pass',
      reason: `the ${gate} of release ${release.number} passed`,
      evidence
    }
  }
  if (verdict === 'fail') {
    return {
      gate,
      verdict: 'fail',
      reason: `the ${gate} of release ${release.number} failed`,
      evidence
    }
  }
  return {
    gate,
    verdict: 'inconclusive',
    reason:
      verdict === undefined
        ? `no ${gate} verdict recorded for release ${release.number} of ${from} (${setting} is on)`
        : `the ${gate} of release ${release.number} was ${verdict}, which is not a pass`,
    evidence
  }
}

function containerImages(release: Release): string[] {
  const images: string[] = []
  const visit = (value: unknown, key?: string): void => {
    if (Array.isArray(value)) value.forEach((v) => visit(v))
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k)
    } else if (key === 'image' && typeof value === 'string') images.push(value)
  }
  for (const object of release.objects) {
    if (object.kind !== 'Secret') visit(object)
  }
  return images
}
