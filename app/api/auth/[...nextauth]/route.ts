import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { readBody, SMALL_FORM_LIMIT } from "@/lib/http/body-limit";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth reads a POST's body whole, whatever its size. Its own forms post a CSRF token, a
// callback URL and at most a pair of credentials, so it gets a small form's worth, as every other
// route does: more is refused with 413 before anything is read into memory.
async function handler(request: Request, context: Context) {
  let forwarded = request;
  if (request.method === "POST") {
    const body = await readBody(request, SMALL_FORM_LIMIT);
    if (!body.ok) return body.response;
    forwarded = new NextRequest(request.url, { method: "POST", headers: request.headers, body: body.value });
  }
  return NextAuth(forwarded as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
