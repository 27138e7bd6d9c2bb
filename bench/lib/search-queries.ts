import type { CatalogQueryInput } from "@lumen/shared";

/**
 * The fixed query set of `pnpm bench search`, grouped by what kind of work each does. Words
 * come from the synthetic catalog's vocabulary (lib/course-words.ts), so selectivity varies
 * the way it does on a real catalog: a few very common words, many specific ones.
 */
export const SEARCH_QUERIES: Record<string, CatalogQueryInput[]> = {
  "single word": [
    { query: "python" },
    { query: "statistics" },
    { query: "marketing" },
    { query: "kubernetes" },
    { query: "photography" },
    { query: "nutrition" },
    { query: "calculus" },
    { query: "cybersecurity" },
    { query: "typography" },
    { query: "astronomy" },
    { query: "negotiation" },
    { query: "docker" },
  ],
  "several words": [
    { query: "machine learning" },
    { query: "data visualization" },
    { query: "public speaking" },
    { query: "project management" },
    { query: "deep learning" },
    { query: "web development" },
  ],
  phrase: [
    { query: '"machine learning"' },
    { query: '"public health"' },
    { query: '"linear algebra"' },
    { query: '"climate science"' },
    { query: '"design systems"' },
  ],
  prefix: [
    { query: "machin learn" },
    { query: "statist" },
    { query: "cyber" },
    { query: "neur netw" },
    { query: "photog" },
    { query: "kubern" },
  ],
  typo: [
    { query: "pyhton" },
    { query: "statistcs" },
    { query: "machne lerning" },
    { query: "javscript" },
    { query: "cybersecruity" },
    { query: "phsyics" },
    { query: "markting" },
    { query: "econmics" },
  ],
  "text + filters": [
    { query: "python", level: "beginner" },
    { query: "statistics", language: "es" },
    { query: "marketing", category: "Business" },
    { query: "deep learning", minRating: 4 },
    { query: "design", level: "beginner", language: "en" },
    { query: "python -java", category: "Computer Science" },
    { query: "java OR kotlin", sort: "rating" },
    { query: "leadership", sort: "enrollments" },
    { query: "cloud", sort: "newest", page: 3 },
  ],
  "no text": [
    {},
    { category: "Data Science" },
    { category: "Mathematics", level: "advanced" },
    { category: "Health", level: "beginner", language: "es", sort: "rating" },
    { language: "ja" },
    { minRating: 4.5 },
    { sort: "enrollments" },
    { page: 50 },
  ],
  "broad word": [{ query: "learn" }, { query: "course" }, { query: "project" }],
};

export const QUERY_COUNT = Object.values(SEARCH_QUERIES).flat().length;
