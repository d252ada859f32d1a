import { VariantPage, variantMetadata, type VariantProps } from "@/components/articles/variant-page";

// Another view, order or page of the discussion (?view=…&sort=…&cpage=…, rewritten here by
// proxy.ts). Cached like the article page: every page of a long discussion is read often, and
// revalidateArticle expires them all with the article's tag.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export const generateMetadata = variantMetadata;

export default function Page(props: VariantProps) {
  return <VariantPage {...props} />;
}
