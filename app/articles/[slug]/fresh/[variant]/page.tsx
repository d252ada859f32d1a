import { VariantPage, variantMetadata, type VariantProps } from "@/components/articles/variant-page";

// Any view of the discussion for a reader who has just written to it (proxy.ts sends them here
// once, see lib/cache/fresh-view.ts): rendered per request, so they always see their own write.
export const dynamic = "force-dynamic";

export const generateMetadata = variantMetadata;

export default function Page(props: VariantProps) {
  return <VariantPage {...props} fresh />;
}
