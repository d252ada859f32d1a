"use client";

import Link from "next/link";
import { useState, type ComponentProps, type FocusEvent, type MouseEvent, type TouchEvent } from "react";

type IntentLinkProps = Omit<ComponentProps<typeof Link>, "prefetch">;

/**
 * The site's internal link: next/link, prefetching the page behind it only once the reader shows
 * intent (pointer over it, keyboard focus, a touch), never because it scrolled into view.
 *
 * Why: next/link's default prefetches every visible link, and each prefetch of a page rendered per
 * request is a server render: opening the front page made the browser fetch eight more pages in
 * the background, before anyone chose one, and every reader multiplied that load. Next 16 has no
 * intent mode of its own (`prefetch={false}` stops hover prefetching too), so this switches
 * `prefetch` from false to true on intent, as Next's prefetching guide shows. True, not "auto":
 * for these routes "auto" fetched only the route's outline (~340 bytes) and the click then waited
 * for the page; true fetches the page itself, 100–300 ms before the click, so the click needs
 * nothing more (for a cached page that prefetch is a cache hit). The element rendered is the same
 * plain <a href>, so pages work unchanged without JavaScript.
 */
export function IntentLink({ onMouseEnter, onFocus, onTouchStart, ...props }: IntentLinkProps) {
  const [isWanted, setIsWanted] = useState(false);
  return (
    <Link
      {...props}
      prefetch={isWanted}
      onMouseEnter={(e: MouseEvent<HTMLAnchorElement>) => {
        onMouseEnter?.(e);
        setIsWanted(true);
      }}
      onFocus={(e: FocusEvent<HTMLAnchorElement>) => {
        onFocus?.(e);
        setIsWanted(true);
      }}
      onTouchStart={(e: TouchEvent<HTMLAnchorElement>) => {
        onTouchStart?.(e);
        setIsWanted(true);
      }}
    />
  );
}
