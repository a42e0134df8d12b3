import { describe, expect, it } from '@jest/globals'
import { canonicalId, distinctFindings, type Finding } from '../../src/core/scan/findings.js'

const finding = (over: Partial<Finding>): Finding => ({
  id: 'CVE-2024-0001',
  aliases: [],
  package: 'openssl',
  installed: '3.0.1',
  severity: 'high',
  status: 'fixed',
  target: 'image',
  title: '',
  ...over
})

describe('counting findings', () => {
  it('counts a CVE once whatever its case, with or without aliases', () => {
    expect(canonicalId({ id: 'cve-2024-0001', aliases: [] })).toBe('CVE-2024-0001')
    const merged = distinctFindings([
      finding({ id: 'cve-2024-0001' }),
      finding({ id: 'CVE-2024-0001', aliases: ['GHSA-aaaa-bbbb-cccc'] })
    ])
    expect(merged).toHaveLength(1)
    expect(merged[0].id).toBe('CVE-2024-0001')
  })

  it('counts a GHSA under its one CVE, keeping the highest severity and the fix', () => {
    const merged = distinctFindings([
      finding({
        id: 'GHSA-aaaa-bbbb-cccc',
        aliases: ['CVE-2024-0001'],
        severity: 'critical',
        status: 'affected'
      }),
      finding({ id: 'CVE-2024-0001', severity: 'medium', fixed: '3.0.2' })
    ])
    expect(merged).toEqual([
      expect.objectContaining({
        id: 'CVE-2024-0001',
        aliases: ['GHSA-aaaa-bbbb-cccc'],
        severity: 'critical',
        status: 'fixed',
        fixed: '3.0.2'
      })
    ])
  })

  it('keeps other packages and versions apart', () => {
    const found = distinctFindings([
      finding({}),
      finding({ installed: '3.0.2' }),
      finding({ package: 'libssl3' })
    ])
    expect(found).toHaveLength(3)
  })
})
