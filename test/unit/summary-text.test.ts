import { describe, expect, it } from '@jest/globals'
import { markdownCode, summaryCode, summaryLink, summaryText } from '../../src/core/summary-text.js'
import {
  HOSTILE_VALUES,
  foreignTags,
  htmlTableRows,
  linkTargets,
  markdownTableRows,
  shownText
} from '../support/summary.js'

describe('summaryText', () => {
  it.each(HOSTILE_VALUES)('shows %j as it is, in a Markdown cell and an HTML cell', (value) => {
    const markdown = `| A | B |\n| --- | --- |\n| ${summaryText(value)} | ${summaryCode(value)} |\n`
    const rows = markdownTableRows(markdown)
    expect(rows).toHaveLength(3)
    expect(rows[2].map(shownText)).toEqual([
      value.replace(/\r\n|\r/g, '\n'),
      value.replace(/\r\n|\r/g, '\n')
    ])
    expect(linkTargets(markdown)).toEqual([])
    expect(foreignTags(markdown)).toEqual([])

    const html = `<table><tr><td>${summaryText(value)}</td></tr></table>`
    expect(htmlTableRows(html).map((r) => r.map(shownText))).toEqual([
      [value.replace(/\r\n|\r/g, '\n')]
    ])
    expect(foreignTags(html)).toEqual([])
  })
})

describe('summaryLink', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '//evil.example/x',
    'not a url'
  ])('links nothing for %j', (url) => {
    const text = summaryLink(url, 'CVE-1')
    expect(text).toBe('CVE-1')
    expect(linkTargets(text)).toEqual([])
  })

  it('links http and https, with quotes and brackets in the URL escaped', () => {
    expect(summaryLink('https://avd.aquasec.com/nvd/cve-2024-1', 'CVE-2024-1')).toBe(
      '<a href="https://avd.aquasec.com/nvd/cve-2024-1">CVE-2024-1</a>'
    )
    const odd = summaryLink('http://x.example/a"><script>', 'x')
    expect(foreignTags(odd)).toEqual([])
    expect(linkTargets(odd)).toEqual(['http://x.example/a%22%3E%3Cscript%3E'])
  })
})

describe('markdownCode', () => {
  it('keeps a plain value a code span and puts anything else in <code>', () => {
    expect(markdownCode('spec.template.spec.containers[app].image')).toBe(
      '`spec.template.spec.containers[app].image`'
    )
    const table = `| A |\n| --- |\n| ${markdownCode('a`|b')} |\n`
    expect(markdownTableRows(table)[2].map(shownText)).toEqual(['a`|b'])
  })
})
