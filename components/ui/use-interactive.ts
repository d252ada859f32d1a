"use client";

import { useSyncExternalStore } from "react";

const noSubscribe = () => () => {};

/**
 * False while the server renders and while React hydrates the page, true from the render after:
 * what a component shows before its script runs (or without it) must work as plain links and
 * forms; what it shows once interactive may rely on handlers.
 */
export function useInteractive(): boolean {
  return useSyncExternalStore(noSubscribe, () => true, () => false);
}
