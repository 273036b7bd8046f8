import { describe, expect, it } from 'vitest'
import { MAX_XML_BYTES, XmlError, parseFlatXml } from './xml'

describe('parseFlatXml', () => {
  it('reads WeCom envelopes and messages: CDATA, plain text, entities, nested details left out', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>
  <CreateTime>1348831860</CreateTime><Content><![CDATA[a <b> & ]]]]><![CDATA[> c]]></Content>
  <Title>R&amp;D &#x4e2d;&#25991;</Title><Empty/><ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo>
  <!-- a comment --></xml>\n`
    expect({ ...parseFlatXml(xml) }).toEqual({
      ToUserName: 'wx5823bf96d3bd56c7',
      CreateTime: '1348831860',
      Content: 'a <b> & ]]> c',
      Title: 'R&D 中文',
      Empty: '',
      ScanCodeInfo: '',
    })
  })

  it('keeps a field named __proto__ as a field, not a prototype', () => {
    const fields = parseFlatXml('<xml><__proto__>x</__proto__></xml>')
    expect(Object.getPrototypeOf(fields)).toBe(null)
    expect(Object.entries(fields)).toEqual([['__proto__', 'x']])
  })

  it.each([
    ['a DOCTYPE', '<!DOCTYPE xml [<!ENTITY a "b">]><xml><A>&a;</A></xml>'],
    ['an unknown entity', '<xml><A>&lol;</A></xml>'],
    ['another root', '<root><A>1</A></root>'],
    ['a missing end tag', '<xml><A>1</A>'],
    ['a mismatched end tag', '<xml><A>1</B></xml>'],
    ['text after the root', '<xml></xml>junk'],
    ['no XML at all', '{"Encrypt":"x"}'],
    ['an empty body', ''],
    ['a processing instruction inside', '<xml><?php x ?></xml>'],
    ['deep nesting', `<xml>${'<a>'.repeat(20)}${'</a>'.repeat(20)}</xml>`],
    ['an unterminated CDATA', '<xml><A><![CDATA[x</A></xml>'],
    ['a bad character reference', '<xml><A>&#xD800;</A></xml>'],
    ['too many bytes', `<xml><A>${'x'.repeat(MAX_XML_BYTES)}</A></xml>`],
  ])('refuses %s', (_, xml) => {
    expect(() => parseFlatXml(xml)).toThrow(XmlError)
  })
})
