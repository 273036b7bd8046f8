import { z } from 'zod'

/** The longest summary of one student's week, in characters: one line of the mentor's digest. */
export const MAX_SUMMARY_CHARS = 80

/**
 * What the model must return for prompts/mentor-digest.md: one summary per student, named by
 * the stand-in it was given (学生1 …). Anything else fails parsing and the plain digest is sent.
 */
export const mentorDigestOutputSchema = z.object({
  summaries: z.array(
    z.object({
      student: z.string().trim().min(1),
      summary: z.string().trim().min(1).max(MAX_SUMMARY_CHARS),
    }),
  ),
})

/** The model's parsed output for the mentor digest. */
export type MentorDigestOutput = z.infer<typeof mentorDigestOutputSchema>
