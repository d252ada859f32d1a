"use client";

import { useEffect, useState } from "react";
import { useInteractive } from "@/components/ui/use-interactive";
import { previewArticleAction } from "@/lib/articles/actions";

const DEBOUNCE_MS = 400;

/**
 * The body as the article page will show it: the server renders it with the article page's own
 * renderer and sanitizer (a second, browser-side Markdown library could differ), a moment after
 * the typing stops. Without JavaScript the form's Preview button gives `initialHtml` instead.
 */
export function LivePreview({ body, initialHtml }: { body: string; initialHtml?: string }) {
  const [html, setHtml] = useState(initialHtml ?? "");
  const [problem, setProblem] = useState("");
  const enhanced = useInteractive();
  useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      try {
        const result = body.trim() ? await previewArticleAction(body) : { html: "" };
        if (!current) return; // a later keystroke has its own request
        if ("html" in result) setHtml(result.html);
        setProblem("error" in result ? result.error : "");
      } catch {
        if (current) setProblem("The preview could not be updated just now; your text is safe.");
      }
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [body]);
  if (!enhanced && !initialHtml) return null;
  return (
    <section className="article-preview" aria-labelledby="article-preview-heading">
      <h2 id="article-preview-heading">Preview</h2>
      {problem ? <p className="field__hint">{problem}</p> : null}
      {/* Sanitized by lib/markdown/render.ts (article flavour), exactly as on the article page. */}
      {html ? <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} /> : <p className="meta">Nothing to preview yet.</p>}
    </section>
  );
}
