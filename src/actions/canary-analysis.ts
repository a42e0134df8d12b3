import { configFromInput, environmentFromInput } from './lib/config.js'
import { durationInput, optionalInput, requiredInput } from './lib/inputs.js'
import { notInThisRelease } from './lib/planned.js'

export async function run(): Promise<void> {
  const { config } = await configFromInput()
  const inputs = {
    environment: environmentFromInput(config, requiredInput('environment')),
    prometheusUrl: optionalInput('prometheus-url'),
    duration: durationInput('duration', config.analysis?.duration ?? '10m'),
    interval: durationInput('interval', config.analysis?.interval ?? '1m')
  }
  void inputs
  notInThisRelease('canary-analysis')
}
