/**
 * The one place that decides what personal data of a person (most of them minors) looks like in
 * text, and hides it: logs, questions kept for review, anything sent to a language model and the
 * bot's transcripts all pass through `maskText` / `maskPersonalData`. Masking keeps enough to
 * read a record (138****5678, 张**, z***@qq.com) and nothing that identifies the person.
 */

import { locatePlaces } from '../rules/regions'

/** A digit as people type it: ASCII or full-width (１３８). */
const D = '[0-9\\uFF10-\\uFF19]'
/** What people put between groups of digits: spaces (also the ideographic one), dashes, dots. */
const SEP = '[\\s\\u3000\\-\\uFF0D\\u2010-\\u2015.\\uFF0E]?'

/** Mainland mobile numbers, optionally after +86 / 0086 / 86, written as one run or in 3-4-4 groups. */
const MOBILE = new RegExp(
  `(?<![0-9\\uFF10-\\uFF19])((?:(?:[+\\uFF0B]|[0\\uFF10]{2})?[8\\uFF18][6\\uFF16]${SEP})?)([1\\uFF11][3-9\\uFF13-\\uFF19]${D})${SEP}(${D}{4})${SEP}(${D}{4})(?![0-9\\uFF10-\\uFF19])`,
  'g',
)
/** Resident ID numbers: 18 characters (last may be X) or the old 15 digits, optionally in 6-8-4 groups. */
const ID_CARD = new RegExp(
  `(?<![0-9A-Za-z\\uFF10-\\uFF19])(${D}{6})${SEP}(${D}{8}|${D}{6})${SEP}(${D}{3}[0-9Xx\\uFF10-\\uFF19\\uFF38\\uFF58]|${D}{3})(?![0-9A-Za-z\\uFF10-\\uFF19])`,
  'g',
)
const EMAIL = /([\w.+-])[\w.+-]*[@\uFF20]([\w-]+(?:\.[\w-]+)+)/g
/**
 * WeChat ids (6–20 characters, starting with a letter) after the words people introduce them
 * with. The Chinese words (微信, 微信号 …) may be followed by a space alone; the Latin ones (wx, vx,
 * wechat, weixin) need a colon, 是 or 为, or Chinese right before them (加我vx abc123), so that log
 * text such as `wechat channel off` or `WECHATY_PUPPET` is not taken for an id.
 */
const WECHAT =
  /((?:微信号?|薇信|[vV]信)\s*(?:号|id|ID)?\s*(?:是|为|[:：])?\s*|(?<![A-Za-z])(?:weixin|wechat|vx|wx)(?![A-Za-z_])\s*(?:号|id)?\s*(?:是|为|[:：])\s*|(?<=[\u4e00-\u9fff])(?:weixin|wechat|vx|wx)(?![A-Za-z_])\s+)([A-Za-z][-\w]{5,19})/gi
const WXID = /\bwxid_[A-Za-z0-9]{4,}\b/g
const QQ = /((?<![A-Za-z])(?:qq|QQ|扣扣)\s*(?:号)?\s*(?:是|为|[:：])?\s*)([1-9]\d{4,11})(?!\d)/g

/** The most common Chinese surnames (single and compound): a name after a cue must start with one. */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'
const COMPOUND_SURNAMES = '欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|端木|西门|南宫'
/** Characters that end a name rather than continue it (particles, kinship, school words). */
const NOT_IN_NAME =
  '的是在了和与及也都就很还要想问请吗呢吧啊呀哦嘛家长妈爸爷奶今年月日号级班中学校生同高初读上考报能可会该有没个名省市州县区镇乡村'
/** The words after which people give their own or their child's name. */
const NAME_CUES =
  '我是|我叫|我的名字是|名字叫|名字是|名叫|姓名(?:是|[:：])?|孩子叫|孩子是|孩子名字?叫|我家孩子(?:叫|是)?|我家(?:女儿|儿子|小孩)(?:叫|是)?|我(?:的)?(?:女儿|儿子|孩子|小孩)(?:叫|是)?|学生叫|学生是|本人'
const NAME = new RegExp(
  `(${NAME_CUES})\\s*((?:${COMPOUND_SURNAMES}|[${SURNAMES}])[^\\s\\p{P}\\p{S}\\d${NOT_IN_NAME}]{1,2})`,
  'gu',
)

/**
 * 高二, 桂林, 柳州, 阳朔 … start with a surname too: a grade or a place right after 我是 says
 * which year or where someone is, not who.
 */
function isNoName(candidate: string, from: string): boolean {
  if (/^[高初][一二三]/.test(candidate)) return true
  return locatePlaces(from.slice(0, 8)).some((p) => p.start === 0)
}

/** Cheap pre-checks so that text with nothing personal (most log lines) costs one scan. */
const MAYBE_DIGITS = /[0-9\uFF10-\uFF19]{4}/
const MAYBE_OTHER = /[@\uFF20]|我|孩子|女儿|儿子|学生|姓名|名字|名叫|本人|微信|薇信|v信|vx|wx|weixin|wechat|qq|扣扣/i

const ascii = (s: string) => s.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

/** Masks a person's name, keeping its first character (the surname): 张三丰 → 张**. */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length === 0) return ''
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1))
}

/**
 * Masks the personal data a text may carry: mobile numbers in every common form (+86, 0086,
 * 3-4-4 with spaces or dashes, full-width digits) → 138****5678; resident ID numbers →
 * 450102********1234; e-mail addresses → z***@qq.com; WeChat ids and QQ numbers after the words
 * that introduce them; names after 我是 / 我叫 / 孩子叫 / 我家孩子 / 我女儿 / 我儿子 … → 张**.
 * Landlines (an office's 0771-2809218) and other numbers are left as they are. Never throws.
 */
export function maskText(text: string): string {
  let out = text
  if (MAYBE_DIGITS.test(out)) {
    out = out
      .replace(MOBILE, (_m, prefix: string, a: string, _b: string, d: string) => `${prefix}${ascii(a)}****${ascii(d)}`)
      .replace(
        ID_CARD,
        (_m, head: string, _mid: string, tail: string) => `${ascii(head)}********${ascii(tail).slice(-4)}`,
      )
  }
  if (!MAYBE_OTHER.test(out)) return out
  return out
    .replace(EMAIL, (_m, first: string, domain: string) => `${first}***@${domain}`)
    .replace(WXID, 'wxid_***')
    .replace(WECHAT, (_m, cue: string, id: string) => `${cue}${id.slice(0, 1)}***`)
    .replace(QQ, (_m, cue: string, id: string) => `${cue}${id.slice(0, 1)}***`)
    .replace(NAME, (whole, cue: string, name: string, offset: number, text: string) =>
      isNoName(name, text.slice(offset + whole.length - name.length)) ? whole : `${cue}${maskName(name)}`,
    )
}

/** Keys whose values name or reach a person: masked wherever they appear in a record. */
const NAME_KEYS = new Set(['name', 'displayName', 'realName', 'person', 'studentName', 'parentName', 'nickname'])
/** Keys whose whole value is a contact detail: masked completely. */
const CONTACT_KEYS = new Set([
  'phone',
  'mobile',
  'email',
  'wechat',
  'wechatId',
  'idNumber',
  'idCard',
  'openid',
  'unionid',
])

/** A contact detail as a whole value: its last four characters at most, never the rest. */
function maskContact(value: string): string {
  const masked = maskText(value)
  if (masked !== value) return masked
  return value.length <= 4 ? '****' : `****${value.slice(-4)}`
}

/**
 * A copy of a structured record (a log record, an audit entry) with personal data masked however
 * deep it sits: names under name keys (name, displayName, person …) → 张**, contact details
 * under contact keys (phone, email, wechat, idNumber …) masked whole, and every other string
 * through maskText. Errors keep their type and stack, with the message masked. Never throws.
 */
export function maskPersonalData(value: unknown, key?: string, depth = 0): unknown {
  if (typeof value === 'string') {
    if (key && NAME_KEYS.has(key)) return maskName(value)
    if (key && CONTACT_KEYS.has(key)) return maskContact(value)
    return maskText(value)
  }
  if (depth > 6 || value === null || typeof value !== 'object') return value
  if (value instanceof Error) return { type: value.name, message: maskText(value.message), stack: value.stack }
  if (Array.isArray(value)) return value.map((v) => maskPersonalData(v, key, depth + 1))
  if (depth === 0 && isFlatAndImpersonal(value)) return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[k] = maskPersonalData(v, k, depth + 1)
  return out
}

/** A record of numbers, booleans and strings maskText leaves alone, under impersonal keys: returned as it is (the request log's usual shape). */
function isFlatAndImpersonal(value: object): boolean {
  for (const [k, v] of Object.entries(value)) {
    if (NAME_KEYS.has(k) || CONTACT_KEYS.has(k)) return false
    if (typeof v === 'string' ? maskText(v) !== v : v !== null && typeof v === 'object') return false
  }
  return true
}
