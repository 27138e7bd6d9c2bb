import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

/**
 * Headers on every API response. The API serves JSON, images and PDFs, never a page, so by
 * default nothing may load from a response and no one may frame it. Routes that set their
 * own Content-Security-Policy (media, PDFs) keep it: `overwrite: false`.
 */
export const apiSecurityHeaders = () =>
  secureHeaders({
    overwrite: false,
    xContentTypeOptions: true,
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    // Cover images are fetched by the SPA's pages, possibly from another origin in production.
    crossOriginResourcePolicy: false,
    // TLS ends at the load balancer, which owns HSTS for the whole site.
    strictTransportSecurity: false,
  });

/**
 * For the one response meant to be framed (a PDF lesson, shown inside the SPA's lesson page):
 * its policy also names who may frame it, and the legacy header stops saying DENY. Browsers
 * that know frame-ancestors ignore X-Frame-Options.
 */
export function frameableBy(webOrigin: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const policy = c.res.headers.get("content-security-policy");
    if (!policy || /frame-ancestors/i.test(policy)) return;
    c.res.headers.set("content-security-policy", `${policy}; frame-ancestors ${webOrigin}`);
    c.res.headers.set("x-frame-options", "SAMEORIGIN");
  };
}
