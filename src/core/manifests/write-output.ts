import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../errors.js'
import type { RenderResult } from './pipeline.js'

export interface RenderOutput {
  /** The multi-document file, every object in install order. */
  manifestsFile: string
  /** One file per object, numbered in install order. */
  objectsDir: string
  /** The object list as JSON. */
  objectsFile: string
}

/** An entry of objects.json. */
export interface ObjectEntry {
  apiVersion: string
  kind: string
  namespace?: string
  name: string
  file: string
  source?: string
}

/**
 * Writes a render into `dir`: manifests.yaml, objects/ and objects.json. objects/ is emptied
 * first: a file left from an earlier render would be applied with the new ones.
 */
export async function writeRenderOutput(
  result: RenderResult,
  dir: string,
  root: string
): Promise<RenderOutput> {
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory() === false) {
    throw new InputError('the output folder is a file', { file: dir })
  }
  const objectsDir = path.join(dir, 'objects')
  // Synchronous on purpose: a thousand small files written through the thread pool spend most of
  // their time waiting for it (about 500 ms against 100 ms for 1,000 objects, bench/render.mjs),
  // and there is nothing else to do meanwhile.
  rmSync(objectsDir, { recursive: true, force: true })
  mkdirSync(objectsDir, { recursive: true })
  const manifestsFile = path.join(dir, 'manifests.yaml')
  const objectsFile = path.join(dir, 'objects.json')
  writeFileSync(manifestsFile, result.yaml)
  writeFileSync(objectsFile, JSON.stringify(objectList(result, root), null, 2) + '\n')
  for (const o of result.objects) writeFileSync(path.join(objectsDir, o.file), o.yaml)
  return { manifestsFile, objectsDir, objectsFile }
}

export function objectList(result: RenderResult, root: string): ObjectEntry[] {
  return result.objects.map(({ id, file, source }) => ({
    apiVersion: id.apiVersion,
    kind: id.kind,
    ...(id.namespace ? { namespace: id.namespace } : {}),
    name: id.name,
    file: `objects/${file}`,
    ...(source ? { source: sourceText(source.file, source.line, root) } : {})
  }))
}

function sourceText(file: string, line: number | undefined, root: string): string {
  const relative = path.isAbsolute(file) ? path.relative(root, file) : file
  return line ? `${relative}:${line}` : relative
}
