// The lowest versions of the packages that render and authenticate every request which carry the
// known security fixes (Next.js and React server components advisories, next-auth's). They are
// the versions the stack notes (shared/STACK-NOTES.md) found working here; the registry here does
// not answer `npm audit`, so CI compares package-lock.json against this list instead. Raise a
// number when a new advisory's fixed version is adopted; never lower one.
export const MINIMUM_VERSIONS: Readonly<Record<string, string>> = {
  next: "16.4.6",
  react: "19.3.1",
  "react-dom": "19.3.1",
  "next-auth": "4.24.15",
};
