import { UserError } from '../errors.js'
import type { KubeClient } from '../kube/client.js'
import { isRecord, type KubeObject } from '../manifests/manifest.js'

// One writer per environment: a coordination.k8s.io Lease in its namespace, held and renewed
// for the whole deploy, promotion or rollback. A second writer waits for it to be released or to
// expire (a runner that died stops renewing), then takes it over with an update that carries the
// resourceVersion it read, so two waiters never both win.

export interface LeaseOptions {
  /** Who holds it: shown to whoever waits (the CI run's URL, or user@host for the CLI). */
  holder: string
  /** How long a holder that stopped renewing keeps it (default 30 s). */
  durationSeconds?: number
  /** How long to wait for another holder before failing (default 10 min). */
  waitMs?: number
  /** Between two looks while waiting (default 1 s). */
  pollMs?: number
  /** Called once when the lease is held by someone else, with who it is. */
  onWait?: (holder: string) => void
}

export interface HeldLease {
  /** Stops renewing and gives the lease up. */
  release(): Promise<void>
  /** The error renewing met, if it could not renew: the operation must not go on. */
  lost(): Error | undefined
}

export function leaseName(environment: string): string {
  return `slipway-${environment}`
}

export async function acquireLease(
  client: KubeClient,
  environment: string,
  namespace: string,
  options: LeaseOptions
): Promise<HeldLease> {
  const name = leaseName(environment)
  const duration = options.durationSeconds ?? 30
  const deadline = Date.now() + (options.waitMs ?? 10 * 60_000)
  const poll = options.pollMs ?? 1000
  let told = false
  for (;;) {
    const current = await client.get('coordination.k8s.io/v1', 'Lease', name, namespace)
    const now = new Date()
    if (!current) {
      const created = await client.create(
        leaseObject(name, namespace, options.holder, duration, now)
      )
      if (created) return keep(client, created, options.holder, duration)
    } else {
      const spec = isRecord(current.spec) ? current.spec : {}
      const holder = typeof spec.holderIdentity === 'string' ? spec.holderIdentity : ''
      if (!holder || holder === options.holder || expired(spec, now)) {
        const taken = await client.replace({
          ...current,
          spec: {
            ...spec,
            holderIdentity: options.holder,
            leaseDurationSeconds: duration,
            acquireTime: microTime(now),
            renewTime: microTime(now),
            leaseTransitions: (Number(spec.leaseTransitions) || 0) + (holder ? 1 : 0)
          }
        })
        if (taken) return keep(client, taken, options.holder, duration)
      } else {
        if (!told) options.onWait?.(holder)
        told = true
        if (Date.now() >= deadline) {
          throw new UserError(
            `another deploy of ${environment} holds the lock (Lease ${namespace}/${name}): ${holder}; ` +
              'waited for it as long as lock-timeout allows'
          )
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, poll))
  }
}

function keep(client: KubeClient, lease: KubeObject, holder: string, duration: number): HeldLease {
  let current = lease
  let lostWith: Error | undefined
  let renewing: Promise<void> = Promise.resolve()
  const renew = async () => {
    try {
      const spec = isRecord(current.spec) ? current.spec : {}
      const updated = await client.replace({
        ...current,
        spec: { ...spec, renewTime: microTime(new Date()) }
      })
      if (!updated) {
        lostWith = new UserError(
          `the deploy lock was taken over by another holder while ${holder} held it`
        )
        clearInterval(timer)
        return
      }
      current = updated
    } catch (error) {
      lostWith = error instanceof Error ? error : new Error(String(error))
      clearInterval(timer)
    }
  }
  // A third of the duration: two renewals may fail to reach the server before the lease expires.
  const timer = setInterval(
    () => {
      renewing = renew()
    },
    (duration * 1000) / 3
  )
  timer.unref()
  return {
    lost: () => lostWith,
    async release() {
      clearInterval(timer)
      await renewing
      if (lostWith) return
      const spec = isRecord(current.spec) ? current.spec : {}
      // Best effort: a lease that cannot be given up expires by itself.
      await client
        .replace({ ...current, spec: { ...spec, holderIdentity: undefined, renewTime: undefined } })
        .catch(() => undefined)
    }
  }
}

function leaseObject(
  name: string,
  namespace: string,
  holder: string,
  duration: number,
  now: Date
): KubeObject {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name, namespace, labels: { 'slipway.dev/owner': 'slipway' } },
    spec: {
      holderIdentity: holder,
      leaseDurationSeconds: duration,
      acquireTime: microTime(now),
      renewTime: microTime(now),
      leaseTransitions: 0
    }
  }
}

function expired(spec: Record<string, unknown>, now: Date): boolean {
  const renewed = Date.parse(String(spec.renewTime ?? spec.acquireTime ?? ''))
  const duration = Number(spec.leaseDurationSeconds)
  if (Number.isNaN(renewed) || !Number.isFinite(duration)) return true
  return renewed + duration * 1000 < now.getTime()
}

/** The API's MicroTime: RFC 3339 with microseconds. */
function microTime(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
}
