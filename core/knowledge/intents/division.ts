import { findPlaces } from '../../rules/regions'
import { decline } from '../context'
import type { QaAnswer } from '../qa-answer'
import type { Intent } from './intent'

/** Asks which city a county or district belongs to ("宾阳县归南宁管吗", "阳朔算不算桂林的", "柳江属于哪个市"). */
const BELONGS_ASK =
  /(归|属于?|算|是)[^，,。？?]{0,8}(管|的|下辖|管辖|辖区)?(吗|不|么|没|嘛|[?？]|$)|属不属于|归不归|算不算|是不是|(归|属于?)(哪|什么)(个|一)?(市|城市|地方)|哪个市(的|管)|在(遴选)?范围(内|里|之内)?(吗|吧|不|么|嘛)/

/**
 * "宾阳县的学生归南宁管吗": a county or district of Guangxi named with a question of whom it belongs
 * to — the city it is in, and whether that city is one of the program's.
 */
export const division: Intent = {
  name: 'division',
  description: 'which city a named county or district belongs to, and whether the program runs there',
  triggers: [BELONGS_ASK],
  answer: (ask, ctx) => {
    // "三江的可以报吗…名额算柳州的吗": the county may be named in the message before the ask.
    const own = findPlaces(ask.q)
    const countyOf = (list: typeof own) => list.find((p) => p.inGuangxi && p.division && p.division !== p.city)
    const earlier = countyOf(own) || !ask.context ? undefined : countyOf(findPlaces(ask.context))
    const places = earlier ? [earlier, ...own] : own
    const county = countyOf(places)
    // "灵川县的娃，资格审核是桂林市科协审还是直接拿去自治区审": a step of the selection asked, not the county's city.
    if (/审核|审查|[^审]审还是|报送|公示|遴选|申请表|报名表|交(到|给|去)?[^，,。？?]{0,6}科协|提交|优先|奖/.test(ask.q))
      return decline(ask, 'asks of a step of the selection')
    if (!county?.division || !BELONGS_ASK.test(earlier ? ask.q : ask.q.replace(county.matched, '')))
      return decline(ask, 'asks of no county or district where it belongs')
    // The city it is said or asked to belong to ("归南宁管吗", "属于哪个市"), never a question about something else there.
    const other = places.find((p) => p !== county && !p.division)
    const m = other?.matched
    const near =
      m === undefined
        ? undefined
        : new RegExp(
            `(归|属于?|算(不算)?|是)${m}|(归|属于?|算)[^，,。？?]{0,3}${m}|${m}市?(那边|这边)?(管|的)(吗|不|么|没|嘛|呀|啊|[?？]|$)`,
          )
    if (!(near?.test(ask.q) || /(哪|什么)(个|一)?(市|城市)|范围/.test(ask.q)))
      return decline(ask, 'names no city the county is asked to belong to')
    const program = ctx.program
    const city = program.cities.find((c) => c.name === county.city)
    const claimed = other && other.city !== county.city ? other : undefined
    const section = program.cities[0]?.section ?? program.citiesSection
    const share = city && /名额/.test(ask.q) ? `，名额计入${city.name}的${city.quota}名` : ''
    const head = `${county.division}属于${county.city}${claimed ? `，不属于${claimed.city}` : ''}${share}。`
    const tail = city
      ? `${county.city}是本计划的实施城市，${county.division}的学校在遴选范围内（${section}：各市辖区内含下辖县、区的高一、高二学生），由所在学校按条件推荐。`
      : `${county.city}不在本计划的实施城市之内（只有${program.cities.map((c) => c.name).join('、')}，${program.citiesSection}）。`
    const answer: QaAnswer = {
      answer: `${head}${tail}`,
      intent: 'fact',
      sources: [{ section, title: '遴选对象与名额' }],
      confidence: 0.85,
      facts: [{ section, title: '遴选对象', text: program.cities.map((c) => c.name).join('、') }],
    }
    return answer
  },
}
