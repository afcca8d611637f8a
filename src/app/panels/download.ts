/** The media type of exported IVRs. */
export const YAML_TYPE = 'application/yaml'

/**
 * Hands `blob` to the browser as a download named `fileName`. The object URL is revoked a moment
 * later, once the browser has started reading it.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** `text` as a UTF-8 YAML file, byte for byte: no line breaks or byte order marks are changed. */
export function yamlBlob(text: string): Blob {
  return new Blob([text], { type: YAML_TYPE })
}
