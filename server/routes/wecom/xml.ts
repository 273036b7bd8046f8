/** The largest XML document read (WeCom's envelopes and messages are a few kilobytes). */
export const MAX_XML_BYTES = 64 * 1024

const MAX_DEPTH = 8
const MAX_ELEMENTS = 500

/** XML the callback cannot read; the route answers 400. */
export class XmlError extends Error {
  override name = 'XmlError'
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}/
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** Text with the five predefined entities and character references decoded; any other entity is refused. */
function decodeText(text: string): string {
  return text.replace(/&([^;&\s]{1,10});/g, (_, name: string) => {
    const predefined = PREDEFINED[name]
    if (predefined !== undefined) return predefined
    const code = /^#x([0-9a-fA-F]{1,6})$/.exec(name)?.[1] ?? /^#([0-9]{1,7})$/.exec(name)?.[1]
    const value = code === undefined ? Number.NaN : Number.parseInt(code, name.startsWith('#x') ? 16 : 10)
    if (!Number.isInteger(value) || value <= 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
      throw new XmlError(`unknown entity &${name};`)
    }
    return String.fromCodePoint(value)
  })
}

/**
 * Reads the flat XML WeCom sends — `<xml><Name><![CDATA[value]]></Name>…</xml>` — into a map of
 * the root's child elements to their text. Nested elements (event details WeCom nests) are
 * walked and left out. Safe by construction: at most MAX_XML_BYTES, no DOCTYPE or entity
 * declarations (so no entity expansion), only the predefined entities, no attributes beyond
 * plain ones, bounded depth and element count.
 * @throws XmlError for anything else.
 */
export function parseFlatXml(xml: string): Record<string, string> {
  if (Buffer.byteLength(xml) > MAX_XML_BYTES) throw new XmlError('document too large')
  let at = 0
  let elements = 0

  const rest = () => xml.slice(at, at + 64)
  const skipSpace = () => {
    while (at < xml.length && /\s/.test(xml[at] as string)) at++
  }
  const skipMisc = () => {
    for (;;) {
      skipSpace()
      if (xml.startsWith('<!--', at)) {
        const end = xml.indexOf('-->', at + 4)
        if (end < 0) throw new XmlError('unterminated comment')
        at = end + 3
      } else return
    }
  }

  /** Reads `<Name attr="…">` (attributes ignored) and returns the name and whether it was self-closing. */
  function openTag(): { name: string; empty: boolean } {
    if (xml[at] !== '<') throw new XmlError(`expected an element at ${at}`)
    const name = NAME.exec(xml.slice(at + 1, at + 65))?.[0]
    if (!name) throw new XmlError(`bad element name at ${at}: ${rest()}`)
    at += 1 + name.length
    const close = /^(?:\s+[A-Za-z_][A-Za-z0-9_.:-]*\s*=\s*(?:"[^"<&]*"|'[^'<&]*'))*\s*(\/?)>/.exec(
      xml.slice(at, at + 1024),
    )
    if (!close) throw new XmlError(`bad tag ${name}`)
    at += close[0].length
    if (++elements > MAX_ELEMENTS) throw new XmlError('too many elements')
    return { name, empty: close[1] === '/' }
  }

  /** Reads an element's content up to its end tag; returns its text (empty when it has child elements). */
  function content(name: string, depth: number): string {
    if (depth > MAX_DEPTH) throw new XmlError('nested too deep')
    let text = ''
    let children = false
    for (;;) {
      if (at >= xml.length) throw new XmlError(`unterminated element ${name}`)
      if (xml.startsWith('<![CDATA[', at)) {
        const end = xml.indexOf(']]>', at + 9)
        if (end < 0) throw new XmlError('unterminated CDATA')
        text += xml.slice(at + 9, end)
        at = end + 3
      } else if (xml.startsWith('<!--', at)) {
        const end = xml.indexOf('-->', at + 4)
        if (end < 0) throw new XmlError('unterminated comment')
        at = end + 3
      } else if (xml.startsWith('</', at)) {
        const end = `</${name}`
        if (!xml.startsWith(end, at)) throw new XmlError(`mismatched end tag in ${name}`)
        at += end.length
        skipSpace()
        if (xml[at] !== '>') throw new XmlError(`bad end tag of ${name}`)
        at++
        return children ? '' : text
      } else if (xml[at] === '<') {
        if (xml[at + 1] === '!' || xml[at + 1] === '?') throw new XmlError('declarations are not accepted')
        children = true
        const child = openTag()
        if (!child.empty) content(child.name, depth + 1)
      } else {
        const next = xml.indexOf('<', at)
        if (next < 0) throw new XmlError(`unterminated element ${name}`)
        text += decodeText(xml.slice(at, next))
        at = next
      }
    }
  }

  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new XmlError('DOCTYPE and entity declarations are not accepted')
  if (xml.charCodeAt(0) === 0xfeff) at = 1
  skipSpace()
  if (xml.startsWith('<?xml', at)) {
    const end = xml.indexOf('?>', at)
    if (end < 0) throw new XmlError('unterminated XML declaration')
    at = end + 2
  }
  skipMisc()
  const root = openTag()
  if (root.name !== 'xml') throw new XmlError(`the root element is ${root.name}, not xml`)
  // No prototype: a field named __proto__ is a field like any other.
  const fields: Record<string, string> = Object.create(null)
  if (!root.empty) {
    for (;;) {
      skipMisc()
      if (xml.startsWith('</', at)) break
      if (at >= xml.length) throw new XmlError('unterminated element xml')
      if (xml[at] !== '<') {
        const next = xml.indexOf('<', at)
        if (xml.slice(at, next < 0 ? undefined : next).trim() !== '') throw new XmlError('text outside the fields')
        at = next < 0 ? xml.length : next
        continue
      }
      if (xml[at + 1] === '!' || xml[at + 1] === '?') throw new XmlError('declarations are not accepted')
      const field = openTag()
      const value = field.empty ? '' : content(field.name, 2)
      if (!Object.hasOwn(fields, field.name)) fields[field.name] = value
    }
    content('xml', 1)
  }
  skipMisc()
  if (at !== xml.length) throw new XmlError('content after the root element')
  return fields
}
