import { configFromInput, environmentFromInput } from './lib/config.js'
import { optionalInput, requiredInput } from './lib/inputs.js'
import { notInThisRelease } from './lib/planned.js'

export async function run(): Promise<void> {
  const { config } = await configFromInput()
  const from = environmentFromInput(config, requiredInput('from'))
  const to = environmentFromInput(
    config,
    optionalInput('to') ?? config.environments[from]['promote-to'] ?? requiredInput('to')
  )
  const inputs = { from, to, imageRef: requiredInput('image-ref') }
  void inputs
  notInThisRelease('promote')
}
