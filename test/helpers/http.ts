/**
 * The status of a GET, with the body read to the end: an unread body keeps its keep-alive
 * connection busy, and closing the server then waits for it.
 */
export async function fetchStatus(url: string, init?: RequestInit): Promise<number> {
  const response = await fetch(url, init)
  await response.arrayBuffer()
  return response.status
}
