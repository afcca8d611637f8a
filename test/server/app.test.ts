import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startServer, REPO_ROOT, type RunningServer } from '../helpers/server.ts'

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string
}

/** A GET that sends `path` exactly as written, unlike fetch, which resolves `..` first. */
function getRaw(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the server with the built web app', () => {
  let server: RunningServer

  beforeAll(async () => {
    server = await startServer({
      configure: (app) => {
        app.get('/api/test-failure', async () => {
          throw new Error(`cannot open ${REPO_ROOT}secret.db`)
        })
      },
    })
  })

  afterAll(async () => {
    await server?.close()
  })

  test('GET /api/health answers ok with the package version', async () => {
    const response = await fetch(`${server.origin}/api/health`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await response.json()).toEqual({ ok: true, version: manifest.version })
  })

  test('/ serves index.html of the web app as HTML that is revalidated on every visit', async () => {
    const response = await fetch(`${server.origin}/`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('no-cache')
    const html = await response.text()
    expect(html).toContain('<div id="root"></div>')
    expect(html).toContain('<title>IVR Designer</title>')
  })

  test('the scripts the page loads are served as JavaScript and cached for good', async () => {
    const html = await (await fetch(`${server.origin}/`)).text()
    const script = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"/.exec(html)
    expect(script?.[1]).toBeDefined()
    const response = await fetch(`${server.origin}/${script?.[1]}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^(application|text)\/javascript/)
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    // Read to the end: an unread body keeps the connection busy and the server from closing.
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0)
  })

  test('every response carries the security headers', async () => {
    for (const path of ['/', '/api/health', '/api/nothing-here']) {
      const response = await fetch(`${server.origin}${path}`)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    }
  })

  test('an unknown /api route answers a JSON 404', async () => {
    for (const path of ['/api/nothing-here', '/api', '/api/health/extra']) {
      const response = await fetch(`${server.origin}${path}`)
      expect(response.status).toBe(404)
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(await response.json()).toEqual({ error: 'Not found' })
    }
  })

  test('an unknown page answers a plain 404', async () => {
    const response = await fetch(`${server.origin}/no-such-page`)
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('Not found')
  })

  test('a failing route answers 500 with a generic message and no stack trace or path', async () => {
    const response = await fetch(`${server.origin}/api/test-failure`)
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({ error: 'Internal Server Error' })
    expect(text).not.toContain('secret.db')
    expect(text).not.toContain('at ')
  })

  test('a URL with broken percent-encoding answers a JSON 400', async () => {
    const { status, body } = await getRaw(server.port, '/%E0%A4%A')
    expect(status).toBe(400)
    expect(Object.keys(JSON.parse(body) as object)).toEqual(['error'])
  })
})

describe('the server with a static root of its own', () => {
  let base: string
  let server: RunningServer

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'ivr-designer-static-'))
    const root = join(base, 'root')
    mkdirSync(join(root, '.git'), { recursive: true })
    mkdirSync(join(root, 'docs'), { recursive: true })
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Root</title>')
    writeFileSync(join(root, '.env'), 'TOKEN=dotfile-secret')
    writeFileSync(join(root, '.git', 'config'), 'dot-folder-secret')
    writeFileSync(join(root, 'docs', 'guide.txt'), 'a guide')
    writeFileSync(join(base, 'outside.txt'), 'outside-secret')
    server = await startServer({ staticRoot: root })
  })

  afterAll(async () => {
    await server?.close()
    rmSync(base, { recursive: true, force: true })
  })

  test('a dotfile is not served', async () => {
    for (const path of ['/.env', '/%2eenv', '/docs/../.env']) {
      const { status, body } = await getRaw(server.port, path)
      expect(status, path).toBe(404)
      expect(body).not.toContain('dotfile-secret')
    }
  })

  test('a file inside a dot-folder is not served', async () => {
    const { status, body } = await getRaw(server.port, '/.git/config')
    expect(status).toBe(404)
    expect(body).not.toContain('dot-folder-secret')
  })

  test('a folder without index.html is not listed', async () => {
    for (const path of ['/docs', '/docs/']) {
      const { status, body } = await getRaw(server.port, path)
      expect(status, path).toBe(404)
      expect(body).not.toContain('guide.txt')
    }
    expect((await getRaw(server.port, '/docs/guide.txt')).body).toBe('a guide')
  })

  test('paths that climb out of the static root are refused', async () => {
    const attempts = [
      '/../outside.txt',
      '/docs/../../outside.txt',
      '/%2e%2e/outside.txt',
      '/..%2foutside.txt',
      '/docs/%2e%2e%2f%2e%2e%2foutside.txt',
      '/..%5coutside.txt',
      '//../outside.txt',
    ]
    for (const path of attempts) {
      const { status, body } = await getRaw(server.port, path)
      expect([400, 403, 404], path).toContain(status)
      expect(body, path).not.toContain('outside-secret')
    }
  })
})
