// Once deploy prunes, applying an empty render deletes everything the environment had: a render
// of zero objects is an error unless the config or the caller says it is meant.
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { main, type Io } from '../../src/cli/main.js'
import { parseConfig } from '../../src/core/config/index.js'
import { UserError } from '../../src/core/errors.js'
import { renderEnvironment } from '../../src/core/manifests/pipeline.js'

function emptyRepository(allowEmpty?: boolean): { root: string; config: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'slipway-empty-'))
  mkdirSync(path.join(root, 'deploy'))
  writeFileSync(path.join(root, 'deploy', 'notes.yaml'), '# nothing yet\n---\n')
  const config = [
    'image:',
    '  repository: ghcr.io/acme/hello',
    'manifests:',
    '  path: deploy',
    ...(allowEmpty === undefined ? [] : [`  allow-empty: ${allowEmpty}`]),
    'environments:',
    '  staging:',
    '    namespace: s',
    ''
  ].join('\n')
  writeFileSync(path.join(root, 'slipway.yaml'), config)
  return { root, config }
}

async function render(root: string, config: string, allowEmpty?: boolean) {
  return renderEnvironment({
    config: parseConfig(config, path.join(root, 'slipway.yaml')),
    environment: 'staging',
    root,
    configFile: path.join(root, 'slipway.yaml'),
    allowEmpty
  })
}

function cli(root: string): { io: Io; err: () => string } {
  let err = ''
  return {
    io: { out: () => undefined, err: (text) => void (err += text), cwd: root },
    err: () => err
  }
}

describe('an empty render', () => {
  it('is an error by default, in one line naming the source', async () => {
    const { root, config } = emptyRepository()
    await expect(render(root, config)).rejects.toThrow(UserError)
    await expect(render(root, config)).rejects.toThrow(/no objects/)
  })

  it('is allowed by manifests.allow-empty', async () => {
    const { root, config } = emptyRepository(true)
    expect((await render(root, config)).objects).toEqual([])
  })

  it('is allowed by the caller (the --allow-empty flag, the allow-empty input)', async () => {
    const { root, config } = emptyRepository()
    expect((await render(root, config, true)).objects).toEqual([])
  })

  it('fails slipway render unless --allow-empty is given', async () => {
    const { root } = emptyRepository()
    const refused = cli(root)
    expect(await main(['render', '--env', 'staging'], refused.io)).toBe(1)
    expect(refused.err()).toMatch(/slipway\.yaml:4: the render has no objects/)
    expect(refused.err().trim().split('\n')).toHaveLength(1)
    const allowed = cli(root)
    expect(await main(['render', '--env', 'staging', '--allow-empty'], allowed.io)).toBe(0)
  })
})
