"use client";

import { useEffect } from "react";
import { Field } from "@/components/forms/field";
import { toLocalInputValue } from "@/lib/articles/local-time";

type Props = { defaultValue: string; scheduledFor: string | null; isTyped: boolean; error?: string };

const ID = "article-publishAt";
const OFFSET_ID = "article-tzOffset";

/** The offset (minutes, as getTimezoneOffset) of the writer's zone on the chosen date, or "". */
function offsetFor(value: string): string {
  const local = value ? new Date(value) : null; // no zone in the string: parsed as local time
  return local && !Number.isNaN(local.getTime()) ? String(local.getTimezoneOffset()) : "";
}

function syncOffset(value: string) {
  const hidden = document.getElementById(OFFSET_ID);
  if (hidden instanceof HTMLInputElement) hidden.value = offsetFor(value);
}

/**
 * "Publish at": a date and time in the writer's own zone. The server renders a stored schedule
 * in its zone (right without JavaScript when both agree); here it is shown in the browser's,
 * and the offset travels with the form so the server can store the instant in UTC.
 */
export function ScheduleField({ defaultValue, scheduledFor, isTyped, error }: Props) {
  useEffect(() => {
    const input = document.getElementById(ID);
    if (!(input instanceof HTMLInputElement)) return;
    if (!isTyped && scheduledFor) input.value = toLocalInputValue(new Date(scheduledFor));
    syncOffset(input.value);
  }, [isTyped, scheduledFor]);
  return (
    <>
      <Field
        id={ID}
        name="publishAt"
        label="Publish at"
        type="datetime-local"
        step={1}
        defaultValue={defaultValue}
        error={error}
        hint="Your local date and time, for Schedule. The article appears on its own at that moment."
        onChange={(event) => syncOffset(event.currentTarget.value)}
      />
      <input type="hidden" id={OFFSET_ID} name="tzOffset" defaultValue="" />
    </>
  );
}
