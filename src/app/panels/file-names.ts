/** The name of a file without its IVR extension: `support.yaml` → `support`. */
export function baseName(name: string): string {
  const base = name.replace(/\.(ya?ml|txt)$/i, '')
  return base === '' ? 'ivr' : base
}

/** The file name of the diagram of IVR `name` in `format`: `support.yaml` → `support.svg`. */
export function diagramFileName(name: string, format: 'svg' | 'png'): string {
  return `${baseName(name)}.${format}`
}

/** The file name the YAML is downloaded as: the document's own, with `.yaml` added if it has none. */
export function yamlFileName(name: string): string {
  return /\.(ya?ml|txt)$/i.test(name) ? name : `${name === '' ? 'ivr' : name}.yaml`
}
