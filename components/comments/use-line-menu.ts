"use client";

import { useEffect, useId, useRef, useState } from "react";

// The menu open on the page, if any: opening another closes it, as menus do.
let closeOpenMenu: (() => void) | null = null;

/**
 * A menu on a comment's action line (Flag, "⋯"): a button that shows and hides a panel next to it,
 * which exists only while open. One element per menu while closed, where a <details> took two and
 * every comment has two menus. One menu is open at a time; a click elsewhere or Escape closes it,
 * Escape with focus back on its button.
 */
export function useLineMenu() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const close = () => setOpen(false);
    closeOpenMenu?.();
    closeOpenMenu = close;
    const inside = (node: EventTarget | null) => node instanceof Node && (button.current?.contains(node) || document.getElementById(panelId)?.contains(node));
    const onPointerDown = (event: PointerEvent) => {
      if (!inside(event.target)) close();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      event.preventDefault();
      const wasInside = inside(document.activeElement) || document.activeElement === document.body;
      close();
      if (wasInside) button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
      if (closeOpenMenu === close) closeOpenMenu = null;
    };
  }, [open, panelId]);

  return {
    open,
    close: () => setOpen(false),
    panelId,
    /** What the toggle button carries. */
    buttonProps: {
      ref: button,
      type: "button" as const,
      "aria-expanded": open,
      "aria-controls": open ? panelId : undefined,
      onClick: () => setOpen((was) => !was),
    },
  };
}
