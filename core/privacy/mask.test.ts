import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskName, maskPersonalData, maskText } from './mask'

const FULL_WIDTH = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
const digitsOf = (s: string) =>
  s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[^0-9]/g, '')

/** Text around the personal data, as people write it (no digits, so what is left is ours to check). */
const context = fc.constantFrom(
  '',
  '家长电话',
  '请联系',
  '我的手机是',
  '孩子',
  '，',
  '。',
  ' ',
  '报名咨询：',
  '（备用）',
)
const after = fc.constantFrom('', '，谢谢', '。', ' 能报名吗？', '，今年高一', '的家长')

const mobile = fc
  .tuple(fc.constantFrom('13', '14', '15', '16', '17', '18', '19'), fc.stringMatching(/^\d{9}$/))
  .map(([head, rest]) => head + rest)
/** Every way a mobile number is written: plain, +86 / 0086 / 86, 3-4-4 with spaces or dashes, full-width digits. */
const writtenMobile = fc
  .tuple(
    mobile,
    fc.constantFrom('', '+86', '+86 ', '0086', '86', '+86-', '＋86 '),
    fc.constantFrom('', ' ', '-', '　', '－'),
    fc.boolean(),
  )
  .map(([n, prefix, sep, wide]) => {
    const text = `${prefix}${n.slice(0, 3)}${sep}${n.slice(3, 7)}${sep}${n.slice(7)}`
    return { number: n, text: wide ? FULL_WIDTH(text) : text }
  })

const idNumber = fc
  .tuple(fc.stringMatching(/^[1-6]\d{5}$/), fc.integer({ min: 1950, max: 2015 }), fc.stringMatching(/^\d{7}[\dX]$/))
  .map(([region, year, rest]) => `${region}${year}${rest}`)

const SURNAMES = ['张', '王', '李', '刘', '陈', '黄', '韦', '覃', '欧阳', '蒙', '梁', '莫']
const GIVEN = ['小明', '红', '晓雨', '子涵', '浩然', '思', '一诺', '梓轩', '欣怡', '伟']
const name = fc.tuple(fc.constantFrom(...SURNAMES), fc.constantFrom(...GIVEN)).map(([s, g]) => s + g)
const nameCue = fc.constantFrom('我是', '我叫', '孩子叫', '我家孩子', '我女儿', '我儿子', '我家孩子叫', '我的名字是')

describe('maskText', () => {
  it('hides every common way of writing a mobile number', () => {
    fc.assert(
      fc.property(context, writtenMobile, after, (before, { number, text }, end) => {
        const masked = maskText(before + text + end)
        expect(digitsOf(masked)).not.toContain(number)
        expect(masked).toContain(`${number.slice(0, 3)}****${number.slice(7)}`)
      }),
      { numRuns: 500 },
    )
  })

  it('hides resident ID numbers, whole or in groups', () => {
    fc.assert(
      fc.property(context, idNumber, fc.constantFrom('', ' '), fc.boolean(), (before, id, sep, wide) => {
        const grouped = `${id.slice(0, 6)}${sep}${id.slice(6, 14)}${sep}${id.slice(14)}`
        const masked = maskText(before + (wide ? FULL_WIDTH(grouped) : grouped))
        expect(digitsOf(masked)).not.toContain(id.slice(6, 14))
      }),
      { numRuns: 300 },
    )
  })

  it('hides e-mail addresses', () => {
    fc.assert(
      fc.property(
        context,
        fc.stringMatching(/^[a-z][a-z0-9._]{2,12}$/),
        fc.constantFrom('qq.com', '163.com', 'school.edu.cn', 'gmail.com'),
        after,
        (before, local, domain, end) => {
          const masked = maskText(`${before}${local}@${domain}${end}`)
          expect(masked).not.toContain(`${local}@`)
          expect(masked).toContain(`${local[0]}***@${domain}`)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('hides names after 我是 / 我叫 / 孩子叫 / 我家孩子 / 我女儿 / 我儿子', () => {
    fc.assert(
      fc.property(context, nameCue, name, after, (before, cue, person, end) => {
        const masked = maskText(`${before}${cue}${person}${end}`)
        expect(masked).not.toContain(person)
        expect(masked).toContain(`${cue}${person[0]}*`)
      }),
      { numRuns: 500 },
    )
  })

  it('hides WeChat ids and QQ numbers where they are introduced', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('微信', '微信号：', '加我微信 ', 'vx:', '加我VX ', 'wechat: ', '微信号是', 'QQ ', 'qq号：'),
        fc.stringMatching(/^[a-z][a-z0-9_-]{5,15}$/),
        fc.stringMatching(/^[1-9]\d{5,10}$/),
        (cue, wechat, qq) => {
          const id = /qq/i.test(cue) ? qq : wechat
          expect(maskText(`${cue}${id}，谢谢`)).not.toContain(id)
        },
      ),
      { numRuns: 300 },
    )
    expect(maskText('wxid_abcd1234 你好')).toBe('wxid_*** 你好')
  })

  it('leaves what is not personal alone: the office landline, quotas, grades, places, dates', () => {
    for (const text of [
      '办公室 0771-2809218，名额30',
      '我是阳朔中学高二的，物理年级前10%，能报名吗',
      '我是高二学生',
      '我是桂林的家长',
      '2023年10月24日前提交',
      '/api/v1/auth/wx-login',
      'wechat channel off: WECHATY_PUPPET is not set',
      'wecom bot lease taken, connecting',
    ])
      expect(maskText(text)).toBe(text)
  })
})

describe('maskPersonalData', () => {
  it('masks names under name keys, contact details whole, and every other string as text, at any depth', () => {
    expect(
      maskPersonalData({
        student: { name: '李四', phone: '13912345678', grade: '高一', email: 'ls@qq.com' },
        list: [{ displayName: '王五', note: '我叫王五' }],
        wechat: 'abcdefgh',
      }),
    ).toEqual({
      student: { name: '李*', phone: '139****5678', grade: '高一', email: 'l***@qq.com' },
      list: [{ displayName: '王*', note: '我叫王*' }],
      wechat: '****efgh',
    })
  })

  it('returns an impersonal flat record unchanged', () => {
    const record = { method: 'GET', path: '/healthz', status: 200, ms: 1.2 }
    expect(maskPersonalData(record)).toBe(record)
  })

  it('masks names to their first character', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('欧阳小明')).toBe('欧***')
    expect(maskName('')).toBe('')
  })
})
