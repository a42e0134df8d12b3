import { configFromInput } from './lib/config.js'
import { booleanInput, listInput, optionalInput } from './lib/inputs.js'
import { notInThisRelease } from './lib/planned.js'

export async function run(): Promise<void> {
  const { config } = await configFromInput()
  const inputs = {
    image: optionalInput('image') ?? config.image.repository,
    context: optionalInput('context') ?? config.image.context,
    platforms: listInput('platforms'),
    push: booleanInput('push', true),
    attest: booleanInput('attest', false)
  }
  void inputs
  notInThisRelease('build-image')
}
