import { configFromInput, environmentFromInput } from './lib/config.js'
import { optionalInput, requiredInput } from './lib/inputs.js'
import { notInThisRelease } from './lib/planned.js'

export async function run(): Promise<void> {
  const { config } = await configFromInput()
  const inputs = {
    environment: environmentFromInput(config, requiredInput('environment')),
    to: optionalInput('to')
  }
  void inputs
  notInThisRelease('rollback')
}
