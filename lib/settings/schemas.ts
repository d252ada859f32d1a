import { z } from "zod";

// The settings form as submitted: checkboxes are "on" or absent, numbers are text. Each number
// says its range in words when it is outside it.
const whole = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Enter a whole number for ${label}.` })
    .int(`Enter a whole number for ${label}.`)
    .min(min, `${label[0].toUpperCase()}${label.slice(1)} must be between ${min} and ${max}.`)
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} must be between ${min} and ${max}.`);

const checkbox = z.string().optional().transform((v) => v === "on");

export const UpdateSettingsInput = z.object({
  anonymousCommenting: checkbox,
  anonymousRating: checkbox,
  insightfulBadgeThreshold: whole("the insightful badge threshold", 1, 1000),
  funnyBadgeThreshold: whole("the funny badge threshold", 1, 1000),
  flagHideWeight: whole("the flag weight that hides a comment", 1, 1000),
  commentIntervalSeconds: whole("the seconds between comments", 0, 3600),
  anonymousCommentsPerHour: whole("anonymous comments per hour", 1, 1000),
  firstWordCost: whole("the First Word's cost", 0, 10_000),
  lastWordCost: whole("the Last Word's cost", 0, 10_000),
  trustWeightAnonymous: whole("an anonymous visitor's weight", 0, 1000),
  trustWeightNew: whole("a new member's weight", 0, 1000),
  trustWeightMember: whole("a member's weight", 0, 1000),
  trustWeightEstablished: whole("an established member's weight", 0, 1000),
  networkVoiceCap: whole("voices counted per network", 1, 1000),
  newAccountHours: whole("the hours an account stays new", 0, 8760),
  establishedAfterDays: whole("the days before a member is established", 0, 3650),
  establishedAfterComments: whole("the comments before a member is established", 0, 100_000),
  flagAccuracyBonusMax: whole("the most upheld flags can add", 0, 100),
  creditsUrl: z
    .string()
    .trim()
    .max(300, "Keep the credits link under 300 characters.")
    .refine((v) => v === "" || (/^https?:\/\/[^\s\p{Cc}]+$/iu.test(v) && URL.canParse(v)), "Enter the credits link as a full address starting with https://, or leave it empty."),
});
export type UpdateSettingsInput = z.infer<typeof UpdateSettingsInput>;
