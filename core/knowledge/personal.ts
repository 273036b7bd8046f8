/**
 * Personal details people put in a question (their own phone, e-mail, ID number, "打我电话")
 * are context, never the question: "我电话139…，南宁选多少个" asks for a quota, not for the
 * contact list. They are taken out before the intents read the message.
 */

/** One's own phone or contact said with the number: "我电话13912345678", "家长手机：138…". */
const OWN_CONTACT =
  /(我|本人|家长|孩子|学生)的?(电话|手机|手机号|联系电话|联系方式|微信|微信号|号码|邮箱)(号码?)?(是|为|:|：)?\s*(\+?86)?[-\s]?1[3-9]\d{9}/g
/** A mobile number, an ID number or an e-mail address on its own. */
const NUMBERS = /(\+?86)?(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)\d{17}[\dxX](?!\d)|[\w.+-]+@[\w-]+(\.[\w-]+)+/g
/** Asking to be called back: "有消息麻烦打我电话", "请联系我". */
const CALL_ME =
  /(有消息|有结果|方便的话)?(麻烦|请)(打|拨|联系|通知|回|回复|告诉|加)(一下)?我(?!们)(的)?(电话|手机|微信)?|(打|拨|回)我(?!们)的?(电话|手机)/g

/** The question without the asker's own contact details (the rest left as it is). */
export function withoutPersonalDetails(question: string): string {
  const out = question.replace(OWN_CONTACT, '').replace(NUMBERS, '').replace(CALL_ME, '')
  return out.replace(/^[，,。.;；\s]+/, '')
}
