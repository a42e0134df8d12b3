import { configFromInput, environmentFromInput } from './lib/config.js'
import { durationInput, enumInput, requiredInput } from './lib/inputs.js'
import { notInThisRelease } from './lib/planned.js'

export async function run(): Promise<void> {
  const { config } = await configFromInput()
  const environment = environmentFromInput(config, requiredInput('environment'))
  const inputs = {
    environment,
    imageRef: requiredInput('image-ref'),
    strategy: enumInput(
      'strategy',
      ['rolling', 'canary', 'blue-green'],
      config.environments[environment].strategy
    ),
    timeout: durationInput('timeout', '10m')
  }
  void inputs
  notInThisRelease('deploy')
}
