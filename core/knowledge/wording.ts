/** Question words shared by several intents: how people ask, not what the plan says. */
import { SPOKEN_APPLY_ASK } from '../rules/extract-profile'

/** Words that say the question asks whether someone may apply or gets priority. */
/**
 * A wish to apply, or a teacher's way of asking ("也想让娃试一试", "能推荐他报名吗"); a recommendation
 * asked with a modal before it or an ask after it ("是否可推荐", "能否推荐", "可以推荐吗", "可推荐否",
 * "能不能推荐"), never a count of places ("可推荐几名", "每校可推荐5名").
 */
export const WISH_TO_APPLY =
  /(能|可以|能否|可否|能不能)(通过|经|经由|走|找|向)[^，,。？?]{1,10}(报名|申报|申请|报)|试(一)?试|想(让[^，,。？?]{0,4})?(提前|先|早点)?(申?报|参加|申请|参与)|(可以|能|能不能|可不可以|可否|能否|是否(可以?|能够?))(给(他|她|孩子|学生|该生))?(破格|特殊|例外|照顾)?推荐(?!(几|多少|哪|\d))|(?<!每[^，,。？?]{0,4})可推荐(?=否|吗|么|不|[?？])|推荐(他|她|该生|这个学生|这名学生|这位同学)/
export const APPLY_ASK = new RegExp(
  `${/(能|可以|能否|可否)(不能|不可以)?(来|去|过来|也|再|直接|提前|先|早点|跨省|跨市|跨区|异地|破格|特殊|例外)?(申?报(?!销|道|告|纸|刊|警|价|几|多少)|参加|申请|参与|推荐(?!几|多少|哪|什么|谁))(?!几|多少)|可不可以(来|去)?(报|参加|申请)|有得(报|参加|申请)(没|冇|吗|不|么)?|能[^，,。？?]{0,8}名额[^，,。？?]{0,2}(报|参加|申请)|(能|可以|可不可以|能不能)(来|去|到|在)[^，,。？?]{0,6}(报|参加|申请)|(参加|报名|申请|报)[^，,。？?]{0,10}(可以吗|行吗|可不可以|行不行|能行吗)|(能否|可否|能不能|是否可以)(纳入|进入|加入)[^，,。？?]{0,6}(培养|计划)|(是否|仍|还|尚|也)(仍|还|能)?可(以)?(申?报(?!销|道|告|纸|刊|警|价|几|多少)|参加|申请|参与)|报得上|进得去|被选上|能否入选|可以试试吗|冲一下|达标吗|符合|够(不够)?条件|够格|有(没有)?资格|能入选|能选上|报得了|行不行|行吗|够吗|够不够|够了吗|够(不够)?(报|申请|参加)|(是否|能否|可否|能不能|有没有)(达到|满足|达)|能去吗|能不能去|得不得行|得不得(?=$|[?？啊呀嘛哦])|得不得(报|参加|申请)|能(报|参加|申请)(这个|这|它)?(不|么|没)(?=$|[?？啊呀嘛哦])|得行不|要得不|可得行|能行不|有戏|有(没有)?希望|有(没有)?机会|能不能上|能上吗|(能不能|能否|可否|可不可以|能)[^，,。？?]{0,4}(通融|破格|放宽|网开一面|照顾一下)|卡进(去|来)?了?(吧|吗|不|没)|挤进(去)?(吗|不|没)|够得上(吗|不|么)?|能上(不|么|没)(?=$|[?？啊呀嘛哦。！!])|上得了(吗|不|么)?|可以冲|能冲吗|能不能冲|来得及((报|参加|申请)[^，,。？?]{0,8})?(吗|不|么|没)(?=$|[?？啊呀嘛哦])|(卡|踩|压|够|过|擦)(到|着|上)?线|擦边|是否可行|可行吗|可不可行|赶得上(报|参加)?(吗|不|么)?|(能|还能|可以)赶上|赶上(报名|报|参加|申请)[^，,。？?]{0,2}(吗|不|么|没)|(具备|具有|有无)[^，,。？?]{0,4}资格|资格具备|受理[^，,。？?]{0,6}申请|在[^，,。？?]{0,4}(遴选|选拔)范围|(列入|纳入)[^，,。？?]{0,6}(推荐|候选|遴选)?名单|没戏|(推荐|报名|参加|申报|申请)[^。？?]{0,10}行得通|能(不能)?算[^，,。？?]{0,8}(报|申请|参加|名额)/.source}|${WISH_TO_APPLY.source}|${SPOKEN_APPLY_ASK.source}`,
)
/** Asks for priority, or whether an award or patent still counts ("还作数不", "还管用嘛"). */
export const PRIORITY_ASK = /优先|(还|也)(管用|算数|作数|有效|算不算数?|认不认|认吗|承认)(吗|嘛|么|不|没|呢|[?？]|$)/
/** Asking about applying in so many words (报/参加/申请/资格/条件), unlike 有机会/够不够/行不行 which may ask about anything. */
export const CLEAR_APPLY_ASK =
  /报|参加(?!科学营|夏令营|活动|见面会|培训|学术|交流|论坛|比赛|竞赛)|申请|参与|资格|条件|入选|选上|够格|符合|达标/
/** A student, the asker or their child named in the question. */
export const SOMEONE = /我|孩子|娃|学生|儿子|女儿|闺女|小孩|本人/

/**
 * 联系 said of keeping in touch, reaching a mentor or a liaison mechanism ("结业后还保持联系吗",
 * "怎么联系导师", "建立联系机制"): not a request for the contact list, so taken out before CONTACT.
 */
export const NOT_CONTACT =
  /文号|发文字号|通知号|保持联系|(和|与|跟)(导师|学生|孩子|我们|往届|学校|中学|高校|大学)[^，,。？?]{0,6}联系|建立[^，,。？?]{0,6}联系|联系(导师|学生|孩子|往届)|日常联系|联系对接|(对接|沟通|联系)机制/g

/** A role other than the contact people: 导师, 指导教师 … (what they do is not the contact list). */
export const OTHER_ROLE = /导师|指导(教师|老师)|班主任|中学老师|大学老师|教授/

/** A month (with its year when given) named in a question: "明年2月底", "12月份", "2024年9月", "10月27日". */
export const MONTH_REF = /(?:(\d{4})年|(明年|今年|下一年))?(\d{1,2})月(?:(\d{1,2})(?:日|号))?/

/** Asks for a time at all ("学术会议几月份开"): an undated activity's fact does not answer it. */
export const ASK_WHEN = /什么时候|啥时候|何时|几月|哪个月|几号|哪天|哪一天|具体时间|时间是|日期/

/** Program words strong enough to keep a general-task question ("帮我写…成长日志") in scope. */
export const CORE_TERMS =
  /遴选|导师|名额|成长日志|申请表|报名表|见面会|中期|年度评价|公示|科协|管理办公室|入选|候选人|指导教师|指导老师|学员|英才库|双校|双师|科学营|研究方向|综合素质评价|培养/

/** A named step or activity: what a party does *there* is that step's fact, not the party's general duties. */
export const NAMED_STEP = /中期|年度评价|年度考核|见面会|公示|遴选|资格审核|市级审核|汇报|研究方向|选题|申请表/

/** Words that make a clause a question (not a remark such as "学校说可以报" or "我记得是20"). */
export const ASKING =
  /[?？]|真的假的|吗|(?<![那这多要])么|呢|吧|啥|怎|咋|如何|哪|几(?![十百千万])|多少|真的(?:不|没)|是否|有没有|是不是|会不会|要不要|能不能|可不可以|行不行|对不对|够不够|分别|多久|多长|谁|(?:请|烦请|麻烦)?(?:列明|列出|列举|逐项说明|逐条列出)|(?:请|烦请|麻烦|望)(?:予以)?(?:明确|提供|告知|说明|介绍)|(.)不\1|(能|可以|可|得|行|要得)[^，,。？?]{0,10}不[，,]?$|(给|让|准|收|管)[^，,。？?]{0,4}不[，,。！!]?$|(有|还有)[^，,。？?]{1,10}(没|没有)[，,。？?！!]?$|得不得|是多是少|多还是少|(先|是|要)[^，,。？?]{1,12}还是[^，,。？?]{2}/

/** Asks what the program is for ("搞这个是为了啥", "到底图啥"): article 一's purpose. */
export const PURPOSE_ASK =
  /目的|意义|宗旨|初衷|为了(啥|什么|干啥|干什么|哪样|做哪样|搞哪样)|为啥(要)?(办|搞|做|开展|组织|设立|推出)|为什么(要)?(办|搞|做|开展|组织|设立|推出)|图(个)?(啥|什么|哪样)|目的是(啥|什么)|有什么用|(办|搞)(这个|它).{0,4}(干啥|干什么)/

/**
 * "大学除了派导师之外还负责啥": what 除了…之外 names is set aside, not asked; the text without it,
 * for readings that pick a party or a point by its words.
 */
export function withoutExcepted(q: string): string {
  return q.replace(
    /除(了)?[^，,。？?]{1,12}?(之外|以外|外(?=[，,还也]))|除了[^，,。？?]{1,12}?(?=[，,]?(还|也)(要|得|需|须|有|应|能|可|做))/g,
    '',
  )
}

/** A remark asking the same for another one ("顺便把柳州的也发我", "南宁的也要一下", "还有柳州的呢"). */
export const ALSO_FOR =
  /(也|一并|一起)[^，,。？?]{0,3}(发|给|告诉|说|要|来)|顺便[^，,。？?]{0,6}(发|给|告诉)|^(还有|那)[^，,。？?]{1,6}的呢/

/** Asks whether what the message states is right ("对吗", "是否属实", "请予以确认", "没错吧"). */
export const CONFIRM_ASK =
  /(就|便)(行|可以|好)(了|吧|吗)?[?？]|对吗|对不对|对吧|对么|是吗|是嘛|是否属实|属实吗|是否正确|正确吗|对不|(请|烦请|望)?予以确认|请确认|请核实|是这样吗|是不是这样|没错吧|没错吗|是吧|是真的吗|是不是真的|准确吗|有误吗|是否有误/

/** Asks whether a statement or an understanding is right ("以上表述是否准确", "此理解是否正确", "【核实】"). */
export const STATEMENT_CHECK =
  /(是否|是不是)(准确|正确|属实|无误|有误|妥当)|(准确|正确|属实)(吗|么|与否)|理解(是否|对不对|对吗|正确吗|有误吗)|表述(是否|对吗|对不对)|请(确认|核实)[:：][^。？?]*(须|必须|方可|应当|才能|只能|不得|均需|都要)|请(确认|核实|核对)(以下|下列|如下)的?(表述|说法|理解|内容|信息)|(是否|是不是)符合(本)?(方案|规定)(?!(?:规定)?的?(?:条件|要求|资格))/
