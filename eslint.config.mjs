import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  // Files Node loads unbundled, before or beside Next's compiler (the config, the cache handler
  // and what they share), are CommonJS.
  { files: ["next.config.js", "lib/**/*.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  // Links prefetch on intent, not on sight: components/ui/intent-link.tsx says why.
  {
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["components/ui/intent-link.tsx"],
    rules: { "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Use IntentLink (components/ui/intent-link.tsx): next/link prefetches every link in view." }] }] },
  },
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench/tmp/**"],
  },
];

export default config;
