import { z } from "zod";
import { memberTrustLevels } from "./levels";

// "earned" clears an admin's choice: the level follows age, verification and participation again.
export const TrustChoice = z.enum([...memberTrustLevels, "earned"], { error: "Choose new, member, established or earned." });
export type TrustChoice = z.infer<typeof TrustChoice>;

export const SetTrustInput = z.object({
  userId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown member."),
  trust: TrustChoice,
});
export type SetTrustInput = z.infer<typeof SetTrustInput>;
