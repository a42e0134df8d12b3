// A plain manifests folder is read like a person would expect: every YAML file under it once,
// symbolic links followed only while they stay inside the repository, never in circles.
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { formatUserError, UserError, UserErrors } from '../../src/core/errors.js'
import { renderManifests } from '../../src/core/manifests/render.js'

const configMap = (name: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: b\n`

function repository(): { root: string; dir: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'slipway-walk-'))
  const dir = path.join(root, 'deploy')
  mkdirSync(dir)
  writeFileSync(path.join(dir, 'a.yaml'), configMap('a'))
  return { root, dir }
}

async function names(dir: string, root: string): Promise<string[]> {
  const manifests = await renderManifests({ kind: 'path', dir }, 'ns', root)
  return manifests.map((m) => String((m.object.metadata as { name: string }).name))
}

async function failure(dir: string, root: string): Promise<string[]> {
  try {
    await renderManifests({ kind: 'path', dir }, 'ns', root)
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map(formatUserError)
    if (error instanceof UserError) return [formatUserError(error)]
    throw error
  }
  throw new Error('expected a UserError')
}

describe('reading a plain manifests folder', () => {
  it('refuses a link to / in one line naming the link, without walking the filesystem', async () => {
    const { root, dir } = repository()
    symlinkSync('/', path.join(dir, 'everything'))
    const started = Date.now()
    expect(await failure(dir, root)).toEqual([
      `${path.join(dir, 'everything')}: a symbolic link that points outside the repository`
    ])
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('reads each file once when a link points back at its own folder', async () => {
    const { root, dir } = repository()
    symlinkSync('.', path.join(dir, 'again'))
    symlinkSync('..', path.join(dir, 'up'))
    expect(await names(dir, root)).toEqual(['a'])
  })

  it('follows a link to another folder inside the repository', async () => {
    const { root, dir } = repository()
    mkdirSync(path.join(root, 'shared'))
    writeFileSync(path.join(root, 'shared', 'b.yml'), configMap('b'))
    symlinkSync('../shared', path.join(dir, 'shared'))
    expect(await names(dir, root)).toEqual(['a', 'b'])
  })

  it('refuses a link to a file outside the repository', async () => {
    const { root, dir } = repository()
    const outside = mkdtempSync(path.join(tmpdir(), 'slipway-outside-'))
    writeFileSync(path.join(outside, 'x.yaml'), configMap('x'))
    symlinkSync(path.join(outside, 'x.yaml'), path.join(dir, 'x.yaml'))
    expect(await failure(dir, root)).toEqual([
      `${path.join(dir, 'x.yaml')}: a symbolic link that points outside the repository`
    ])
  })

  it('says in one line that the folder is missing', async () => {
    const { root } = repository()
    const missing = path.join(root, 'deploy', 'production')
    expect(await failure(missing, root)).toEqual([
      `${missing}: the manifests folder does not exist`
    ])
  })
})
