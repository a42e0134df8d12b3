import { configFromInput } from './lib/config.js'
import { booleanInput, enumInput, listInput, optionalInput } from './lib/inputs.js'
import { notInThisRelease } from './lib/planned.js'

export async function run(): Promise<void> {
  const { config } = await configFromInput()
  const inputs = {
    imageRef: optionalInput('image-ref'),
    report: optionalInput('report'),
    scanner: enumInput('scanner', ['trivy', 'grype'], config.scan.scanner),
    failOn: enumInput('fail-on', ['critical', 'high', 'medium', 'low'], config.scan['fail-on']),
    ignoreUnfixed: booleanInput('ignore-unfixed', config.scan['ignore-unfixed']),
    vex: listInput('vex')
  }
  void inputs
  notInThisRelease('scan-image')
}
