// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WebAssembly pieces of the database layer stay outside the server bundle.
  // nodemailer too: loaded by Node as the scripts and tests load it, rather than bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "nodemailer"],
  // Tests build into their own folder so they never clobber (or reuse) the served build.
  distDir: process.env.DEPT_DIST_DIR || ".next",
};

module.exports = nextConfig;
