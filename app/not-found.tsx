import { IntentLink } from "@/components/ui/intent-link";

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or never existed.</p>
      <p>
        <IntentLink href="/">Go to the latest articles</IntentLink>
      </p>
    </div>
  );
}
