// What `import "server-only"` loads outside Next.js: nothing. lib/db.ts and every queries.ts and
// mutations.ts import "server-only" so that Next refuses to build a client component that reaches
// them. The package itself throws unless the "react-server" condition is set, which only Next's
// bundler sets, so the command-line scripts (tsx), the e2e tasks and Playwright would fail to load
// the same code. tsconfig.json maps "server-only" here for tsx and Playwright (both read its
// `paths`) and vitest.config.ts aliases it here for Vitest. Running Node with
// `--conditions=react-server` instead would also hand React's server build to every script.
// Next does not need the package's throw: it resolves "server-only" itself per bundle layer and
// rejects the import in client components by name.
export {};
