import { z } from "zod";
import { stripBidiControls } from "../text";

// Control characters (NUL included, which PostgreSQL refuses to store) are never part of a name,
// handle or email; a bio may keep line breaks and tabs. Lone surrogates become U+FFFD first, as
// the database would store them anyway: what is checked and counted is then what is stored.
// Names and handles lose bidi controls (lib/text.ts), which would let one pose as another.
const CONTROL = /[\u0000-\u001F\u007F]/;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const Email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const Password = z
  .string({ error: "Enter a password." })
  .min(10, "Use at least 10 characters.")
  .max(256, "Use at most 256 characters.")
  .refine((s) => !s.includes("\0"), "The password contains a character that cannot be used.");

export const DisplayName = z
  .string({ error: "Enter your name." })
  .overwrite((s) => stripBidiControls(s.toWellFormed()))
  .trim()
  .min(1, "Enter your name.")
  .max(60, "Keep the name to 60 characters or fewer.")
  .refine((s) => !CONTROL.test(s), "The name contains characters that cannot be used.");

export const Handle = z
  .string({ error: "Choose a handle." })
  .overwrite(stripBidiControls)
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{2,29}$/, "Use 3 to 30 letters, digits, _ or -, starting with a letter or digit.");

export const Bio = z
  .string()
  .overwrite((s) => s.toWellFormed())
  .trim()
  .max(500, "Keep the bio to 500 characters or fewer.")
  .refine((s) => !CONTROL_EXCEPT_LINES.test(s), "The bio contains characters that cannot be used.");

export const RegisterInput = z.object({
  name: DisplayName,
  // Left blank, a handle is derived from the name.
  handle: z.union([z.literal("").transform(() => undefined), Handle]).optional(),
  email: Email,
  password: Password,
});
export type RegisterInput = z.infer<typeof RegisterInput>;

export const SignInInput = z.object({
  email: Email,
  password: z.string().min(1, "Enter your password.").max(256, "Wrong email or password."),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const UpdateProfileInput = z.object({ name: DisplayName, handle: Handle, bio: Bio });
export type UpdateProfileInput = z.infer<typeof UpdateProfileInput>;

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(256),
  newPassword: Password,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const PasswordResetRequestInput = z.object({ email: Email });
export type PasswordResetRequestInput = z.infer<typeof PasswordResetRequestInput>;

/** A reset link's token: 32 random bytes in base64url. Anything else is a link that never worked. */
export const ResetToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not a password reset link.");

export const PasswordResetInput = z.object({ token: ResetToken, password: Password });
export type PasswordResetInput = z.infer<typeof PasswordResetInput>;

export const DeleteAccountInput = z.object({ password: z.string().min(1, "Enter your password to confirm.").max(256) });

export const SetRoleInput = z.object({
  // An id like every other (PostgreSQL would refuse a NUL even in a WHERE clause).
  userId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown member."),
  role: z.enum(["reader", "author", "moderator", "admin"], { error: "Choose a role." }),
});
