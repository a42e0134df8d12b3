// Bundles every entry (src/entries/<name>.ts) into dist/<name>/index.js with ncc,
// as many at once as there are cores. Usage: node scripts/bundle.mjs [name ...]
import { spawn } from 'node:child_process'
import { readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'

const nccCli = createRequire(import.meta.url).resolve('@vercel/ncc/dist/ncc/cli.js')
const all = readdirSync('src/entries')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
const names = process.argv.length > 2 ? process.argv.slice(2) : all

function ncc(name) {
  rmSync(`dist/${name}`, { recursive: true, force: true })
  const args = [
    'build',
    `src/entries/${name}.ts`,
    '-o',
    `dist/${name}`,
    '--license',
    'licenses.txt',
    '--quiet'
  ]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nccCli, ...args], { stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve(name) : reject(new Error(`ncc failed for ${name} (exit ${code})`))
    )
  })
}

const queue = [...names]
const started = Date.now()
const workers = Array.from({ length: Math.min(availableParallelism(), queue.length) }, async () => {
  for (let name = queue.shift(); name; name = queue.shift())
    console.log(`bundled ${await ncc(name)}`)
})
await Promise.all(workers)
console.log(`${names.length} bundles in ${((Date.now() - started) / 1000).toFixed(1)} s`)
