/** A time window sampled every `stepSeconds`; `start` and `end` are inclusive. */
export interface Window {
  start: Date
  end: Date
  stepSeconds: number
}

/**
 * Where canary analysis reads its samples. One implementation per metrics system
 * (Prometheus today); each returns one value per step of the window, NaN where a step
 * has no sample, and throws MetricsError when the system cannot answer.
 */
export interface MetricsProvider {
  readonly name: string
  range(query: string, window: Window): Promise<number[]>
}

/** The metrics system did not answer (outage, timeout, bad query): never a pass. */
export class MetricsError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'MetricsError'
  }
}

/** Fills `{selector}` with label matchers and `{name}` placeholders with values. */
export function renderQuery(
  template: string,
  selector: Record<string, string>,
  values: Record<string, string> = {}
): string {
  const matchers = Object.entries(selector)
    .map(([label, value]) => `${label}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
    .join(',')
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key === 'selector' ? matchers : (values[key] ?? whole)
  )
}
