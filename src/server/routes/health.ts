import type { FastifyPluginAsync } from 'fastify'
import { version } from '../version.ts'

/** The body of `GET /api/health`. */
export interface Health {
  ok: true
  version: string
}

/** `GET /health`: answers while the server runs, with the version it runs. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health', async (): Promise<Health> => ({ ok: true, version }))
}
