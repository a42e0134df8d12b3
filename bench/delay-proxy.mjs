// A TCP proxy on loopback that holds every chunk for half a round trip in each direction, so a
// registry on 127.0.0.1 answers like one across a network: each request/response exchange costs
// one RTT, as it would against ghcr.io or ECR. Throughput is not capped; a direction with more
// than 8 MiB in flight pauses its reader until the writer drains.
import { connect, createServer } from 'node:net'
import { setTimeout } from 'node:timers'

const HIGH_WATER = 8 << 20

/** Starts a proxy to `target` (host:port); resolves to { host, close() }. */
export function startDelayProxy(target, rttMs) {
  const [targetHost, targetPort] = target.split(':')
  const sockets = new Set()
  const server = createServer((client) => {
    const upstream = connect(Number(targetPort), targetHost)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    relay(client, upstream, rttMs / 2)
    relay(upstream, client, rttMs / 2)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      resolve({
        host: `127.0.0.1:${server.address().port}`,
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy()
            server.close(done)
          })
      })
    })
  })
}

function relay(from, to, delayMs) {
  let inFlight = 0
  from.on('data', (chunk) => {
    inFlight += chunk.length
    if (inFlight > HIGH_WATER) from.pause()
    // Timers of equal delay fire in the order they were set, so bytes keep their order.
    setTimeout(() => {
      inFlight -= chunk.length
      if (!to.destroyed) to.write(chunk)
      if (to.writableLength > HIGH_WATER) from.pause()
      else if (inFlight <= HIGH_WATER) from.resume()
    }, delayMs)
  })
  to.on('drain', () => {
    if (inFlight <= HIGH_WATER) from.resume()
  })
  from.on('end', () => setTimeout(() => to.end(), delayMs))
}
