// The lowest versions of the packages that render and authenticate every request, and of the one
// that sanitizes what strangers write, which carry the known security fixes (Next.js and React
// server components advisories, next-auth's, sanitize-html's). The registry here does not answer
// `npm audit`, so CI compares package-lock.json against this list instead. Raise a number when a
// new advisory's fixed version is adopted; never lower one. (sanitize-html from 2.17.6 declares
// Node 22.12, but runs on Node 20.19+, which loads its ES-module parser with require.)
export const MINIMUM_VERSIONS: Readonly<Record<string, string>> = {
  next: "16.4.6",
  react: "19.3.1",
  "react-dom": "19.3.1",
  "next-auth": "4.24.15",
  "sanitize-html": "2.17.6",
};
