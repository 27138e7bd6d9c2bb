import { z } from "@hono/zod-openapi";

/** `page` / `page_size` query parameters of every paginated list. */
export function pageQuery({ defaultSize, maxSize }: { defaultSize: number; maxSize: number }) {
  return {
    page: z.coerce
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(1)
      .openapi({ description: "1-based page number.", example: 1 }),
    page_size: z.coerce
      .number()
      .int()
      .min(1)
      .max(maxSize)
      .default(defaultSize)
      .openapi({ description: `Items per page (at most ${maxSize}).`, example: defaultSize }),
  };
}

/** The page envelope's fields, documented once. */
export const pageFields = {
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  page_size: z.number().int().min(1),
  page_count: z.number().int().min(1),
};

/**
 * RFC 8288 `Link` header (GitHub's style): first, prev, next and last pages of the request's
 * own URL, every other query parameter kept. The targets are origin-relative references: behind
 * the proxy and the load balancer this process does not know the host clients used.
 */
export function pageLinks(requestUrl: string, page: number, pageCount: number): string {
  const link = (target: number, rel: string) => {
    const url = new URL(requestUrl);
    url.searchParams.set("page", String(target));
    return `<${url.pathname}${url.search}>; rel="${rel}"`;
  };
  const links = [link(1, "first")];
  if (page > 1) links.push(link(Math.min(page - 1, pageCount), "prev"));
  if (page < pageCount) links.push(link(page + 1, "next"));
  links.push(link(pageCount, "last"));
  return links.join(", ");
}
