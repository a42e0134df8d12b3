import { describe, expect, it } from '@jest/globals'
import { scanObjects } from '../../src/core/manifests/quick-scan.js'

describe('scanning a source file for its objects', () => {
  const text = [
    '# a comment',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  labels:',
    '    name: not-this-one',
    '  name: "hello" # the name',
    'spec:',
    '  replicas: 2',
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: flow}',
    'data:',
    '  a: b',
    '---',
    ''
  ].join('\n')

  it('finds kind, name and first line, also of documents it must parse', () => {
    const found = scanObjects(text, 'f.yaml')
    expect(found.map((o) => [o.kind, o.name, o.source.line])).toEqual([
      ['Deployment', 'hello', 2],
      ['ConfigMap', 'flow', 11]
    ])
  })

  it('parses a document only to locate a field inside it, with the file’s line numbers', () => {
    const [deployment, configMap] = scanObjects(text, 'f.yaml')
    expect(deployment.source.locate(['spec', 'replicas'])).toEqual({ line: 9, depth: 2 })
    expect(configMap.source.locate(['data', 'a'])).toEqual({ line: 15, depth: 2 })
    expect(deployment.source.locate([])).toEqual({ line: 2, depth: 0 })
  })
})
