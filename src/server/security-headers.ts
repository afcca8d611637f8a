import type { FastifyInstance } from 'fastify'

/**
 * What pages of the app may load: code, styles, images and fonts only from this server. Inline
 * scripts are not allowed; images may be data URLs because Vite inlines small ones. Inline styles
 * are allowed because the Monaco editor writes its theme, decorations and widget sizes into
 * `<style>` elements at run time; workers come from this server (`worker-src` falls back to
 * `script-src`). The test call plays an IVR's recordings and may ask its fetch URLs for replies,
 * which live on any web server: media and requests may go to any http(s) address (a reply is
 * only read as text, and the address's own CORS rules still apply).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "media-src 'self' https: http:",
  "font-src 'self'",
  "connect-src 'self' https: http:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** Adds the headers that keep browsers from sniffing types, framing the app or leaking URLs. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'no-referrer')
    reply.header('x-frame-options', 'DENY')
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY)
    return payload
  })
}
