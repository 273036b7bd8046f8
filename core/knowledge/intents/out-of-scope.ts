import { openTopicIn } from '../open-topics'
import type { QaAnswer } from '../qa-answer'
import { notInDocumentAnswer, outOfScopeAnswer, unsureAnswer } from '../reply'
import {
  DRAFTING,
  EXAM_BENEFIT,
  GENERIC_TASK,
  OTHER_BUSINESS,
  PERSONAL_ADVICE,
  PROGRAM_NAMED,
  programEvidence,
  SCHOOL_CALENDAR,
  TRANSLATE,
  withoutQuoted,
} from '../scope'
import { ASKING, CORE_TERMS } from '../wording'
import type { Intent } from './intent'

/** Questions about something other than the program. */
const OUT_OF_SCOPE =
  /天气|下雨|暴雨|大雨|雷雨|降雨|预警|寒潮|冰雹|及格(?!式)|优秀率|平均分|怎么学好|学习方法|提高成绩|提分|补课|辅导班|下雪|气温|温度|刮风|台风|解题|方程|这道题|这题|(这|一|几)道[^，,。？?]{0,4}题|(物理|数学|化学|生物|计算机)(题|作业)|作业|x²|x\^|求解|算一下|笑话|讲个故事|聊聊|聊天|陪我|无聊|唱歌|高考志愿|填志愿|志愿填报|报志愿|游戏|电影|电视剧|吃什么|股票|彩票|翻译|星座|恋爱|减肥|旅游|推荐.{0,3}(书|电影|歌)|(推荐|找|列)[^，,。？?]{0,20}(文献|论文|书目)/

/** A problem to solve ("这道物理题", "一道数学作业题", "及格率80%，及格人数是多少"): homework, whatever it names. */
const HOMEWORK =
  /解题|及格(?!式)|优秀率|平均分|这道题|这题|(这|一|几)道[^，,。？?]{0,4}题|(物理|数学|化学|生物|计算机)(题|作业)|求解|方程/

/** Another exam or a document of one's own work, not asked of the program (see OTHER_BUSINESS). */
export function otherBusiness(q: string): boolean {
  return OTHER_BUSINESS.test(q) && !EXAM_BENEFIT.test(q) && !PROGRAM_NAMED.test(q) && !CORE_TERMS.test(q)
}

/** A school's own calendar: its own notices and 教务处 say it, the plan's dates do not. */
function schoolCalendarAnswer(): QaAnswer {
  const redirect = outOfScopeAnswer()
  return {
    ...redirect,
    answer: `抱歉，学校自己的校历、考试和放假安排不在我的范围内，请以本校通知为准，或向班主任、学校教务处咨询。${redirect.answer.replace(/^抱歉，这个问题超出了我的范围。/, '')}`,
  }
}

/** Writing someone's own material for them: refused, with why, and what the assistant does. */
function draftingAnswer(): QaAnswer {
  const redirect = outOfScopeAnswer()
  return {
    ...redirect,
    answer: `抱歉，代写或润色材料不在我的范围内：申请表、成长日志、课题报告等要由学生本人和学校如实填写。${redirect.answer.replace(/^抱歉，这个问题超出了我的范围。/, '')}`,
  }
}

/**
 * A general task (translate, write, weather, 志愿, other programs) is out of scope unless the
 * question also carries words only this program uses; when it touches a point the plan is silent
 * on, or shares words with the facts, the reply says both. Personal or family advice, and
 * translation (judged without the words to translate), are never about the program.
 */
/** Tickets and timetables of a journey: travel business, whatever day or hour it names. */
const TRAVEL_BOOKING =
  /(高铁|动车|火车|大巴|航班|飞机|机票|车票)[^。？?]{0,10}(票|几点|时刻|班次|车次|有没有|还有)|(票|车次|班次)[^。？?]{0,6}(几点|时刻|还有)/

export const outOfScope: Intent = {
  name: 'out_of_scope',
  description: 'a general task or personal advice with no word only this program uses: the redirect',
  answer: (ask, ctx) => {
    const q = ask.q
    const named = PROGRAM_NAMED.test(q)
    const request = TRANSLATE.test(q) ? withoutQuoted(q) : q
    if ((PERSONAL_ADVICE.test(q) || TRANSLATE.test(q)) && !PROGRAM_NAMED.test(request) && !CORE_TERMS.test(request))
      return outOfScopeAnswer()
    if (otherBusiness(q)) return SCHOOL_CALENDAR.test(q) ? schoolCalendarAnswer() : outOfScopeAnswer()
    if (DRAFTING.test(q)) return draftingAnswer()
    if (!(OUT_OF_SCOPE.test(q) || GENERIC_TASK.test(q)) || named || CORE_TERMS.test(q)) return undefined
    if (HOMEWORK.test(q)) return outOfScopeAnswer()
    // "要去大学多少次啊？我们住柳江，坐车过去好远": a sentence asking of the program is answered, the
    // remark of another sentence is context.
    const asking = q.split(/[?？。！!]/).filter((c) => ASKING.test(c) && !OUT_OF_SCOPE.test(c) && !GENERIC_TASK.test(c))
    if (asking.some((c) => programEvidence(ctx.scope, c).length > 0)) return undefined
    // "坐高铁去报到能报销吗" raises a point the plan leaves open; "明天的高铁几点有票" only shares its words (几点).
    if (TRAVEL_BOOKING.test(q)) return outOfScopeAnswer()
    const silent = openTopicIn(ctx, q)
    const related = silent?.related ? ctx.factsById.get(silent.related) : undefined
    if (silent) return notInDocumentAnswer(ctx, silent.label, related ? { fact: related, score: 99 } : undefined, 0.5)
    return programEvidence(ctx.scope, q).length > 0 ? unsureAnswer(ctx, 0.4) : outOfScopeAnswer()
  },
}
