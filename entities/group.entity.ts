import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm'
import { City } from './city.entity'
import { Cohort } from './cohort.entity'
import { ROLES, type Role } from './person-role.entity'
import { Subject } from './subject.entity'

/**
 * How a group is reached: a WeChat room (wechaty), a WeCom group chat the intelligent bot is in,
 * a WeCom group robot webhook, or a WeCom group chat the self-built app created (chatid).
 */
export const GROUP_KINDS = ['room', 'wecom_chat', 'webhook', 'wecom_appchat'] as const
/** One of GROUP_KINDS. */
export type GroupKind = (typeof GROUP_KINDS)[number]

/**
 * A group the assistant posts to. `externalId` is the channel's stable id (room id, chatid,
 * webhook key), unique per kind. The table is `chat_group` because GROUP is an SQL keyword.
 */
@Entity('chat_group')
@Index(['kind', 'externalId'], { unique: true })
@Index(['cohortId'])
export class Group {
  @PrimaryGeneratedColumn('increment')
  id: number

  @Column('simple-enum', { enum: GROUP_KINDS })
  kind: GroupKind

  @Column('varchar', { length: 191 })
  externalId: string

  @Column('varchar', { length: 100 })
  name: string

  /** The cohort the group belongs to, if any; SET NULL keeps the group when a cohort goes. */
  @Column('int', { nullable: true })
  cohortId: number | null

  @ManyToOne(() => Cohort, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'cohortId' })
  cohort?: Cohort | null

  @Column('int', { nullable: true })
  cityId: number | null

  @ManyToOne(() => City, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'cityId' })
  city?: City | null

  /** Whom the group is for (家长群 → parent), as staff label it (`本群设置 南宁 家长`); null: everyone. */
  @Column('simple-enum', { enum: ROLES, nullable: true })
  audience: Role | null

  /** The subject the group is for, as staff label it; null: every subject. */
  @Column('int', { nullable: true })
  subjectId: number | null

  @ManyToOne(() => Subject, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'subjectId' })
  subject?: Subject | null

  /** When the bot last saw a message in the group; null for groups known only by configuration (webhooks). */
  @Column('datetime', { nullable: true })
  seenAt: Date | null
}
