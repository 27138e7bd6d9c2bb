import { randomUUID } from "node:crypto";
import type { courses, Database } from "@lumen/db";
import { createCourse, createUser } from "@lumen/db/testing";

type CourseRow = typeof courses.$inferInsert;

/** The conformance catalog: small, but every behaviour the suite checks has a witness. */
export const FIXTURE_COURSES = {
  pythonBasics: {
    title: "Python Fundamentals",
    subtitle: "Learn to program step by step",
    description: "Variables, loops and functions in Python, with many small exercises.",
    category: "Computer Science",
    level: "beginner",
    language: "en",
    tags: ["python", "programming"],
    ratingAverage: 4.8,
    ratingCount: 200,
    enrollmentCount: 500,
  },
  pythonPatterns: {
    title: "Advanced Python Patterns",
    subtitle: "Idioms for large codebases",
    description: "Decorators, generators and typing for experienced programmers.",
    category: "Computer Science",
    level: "advanced",
    language: "en",
    tags: ["python"],
    ratingAverage: 4.2,
    ratingCount: 200,
    enrollmentCount: 300,
  },
  pythonSpanish: {
    title: "Python para principiantes",
    subtitle: "Programación desde cero",
    description: "Aprende a programar con ejemplos prácticos y ejercicios.",
    category: "Computer Science",
    level: "beginner",
    language: "es",
    tags: ["python", "programación"],
    ratingAverage: 4.5,
    ratingCount: 200,
    enrollmentCount: 120,
  },
  machineLearning: {
    title: "Machine Learning Foundations",
    subtitle: "Models that learn from data",
    description: "Regression, classification and evaluation, explained with intuition first.",
    category: "Data Science",
    level: "intermediate",
    language: "en",
    tags: ["machine learning", "statistics"],
    ratingAverage: 4.9,
    ratingCount: 200,
    enrollmentCount: 900,
  },
  practicalMl: {
    title: "Practical Machine Learning",
    subtitle: "From notebook to production",
    description: "Train and deploy models with Python and scikit-learn.",
    category: "Data Science",
    level: "advanced",
    language: "en",
    tags: ["mlops"],
    ratingAverage: 4.1,
    ratingCount: 200,
    enrollmentCount: 700,
  },
  deepLearning: {
    title: "Deep Learning",
    subtitle: "Neural networks in depth",
    description: "Convolutional and recurrent networks, trained on real datasets.",
    category: "Data Science",
    level: "advanced",
    language: "en",
    tags: ["neural networks"],
    ratingAverage: 4.6,
    ratingCount: 200,
    enrollmentCount: 400,
  },
  statistics: {
    title: "Statistics for Everyone",
    subtitle: "Averages, spread and uncertainty",
    description: "Understand the numbers in the news without any formulas to memorize.",
    category: "Mathematics",
    level: "beginner",
    language: "en",
    tags: ["probability"],
    ratingAverage: 3.9,
    ratingCount: 200,
    enrollmentCount: 50,
  },
  java: {
    title: "Java Programming",
    subtitle: "Objects, classes and the JVM",
    description: "A first programming course for people who will never touch Python.",
    category: "Computer Science",
    level: "intermediate",
    language: "en",
    tags: ["java", "programming"],
    ratingAverage: 4.0,
    ratingCount: 200,
    enrollmentCount: 200,
  },
  artHistory: {
    title: "Histoire de l'art",
    subtitle: "De la Renaissance à nos jours",
    description: "Les grands mouvements de la peinture européenne.",
    category: "Arts and Humanities",
    level: "intermediate",
    language: "fr",
    tags: ["renaissance"],
    ratingAverage: 4.7,
    ratingCount: 200,
    enrollmentCount: 80,
  },
  webDesign: {
    title: `Web Design: <HTML> & "CSS"`,
    subtitle: "Layout, color and type for the web",
    description: "Build pages with semantic <section> elements & modern CSS.",
    category: "Design",
    level: "beginner",
    language: "en",
    tags: ["html", "css"],
    ratingAverage: 4.3,
    ratingCount: 200,
    enrollmentCount: 150,
  },
  draft: {
    title: "Python Secrets",
    subtitle: "Not ready yet",
    description: "A draft that must never be found.",
    category: "Computer Science",
    level: "advanced",
    language: "en",
    tags: ["python"],
    ratingAverage: 5,
    ratingCount: 200,
    enrollmentCount: 0,
    status: "draft",
    publishedAt: null,
  },
} satisfies Record<string, Partial<CourseRow>>;

export type FixtureKey = keyof typeof FIXTURE_COURSES;

/** Inserts the fixture catalog (distinct publish dates, in the order above) and its instructor. */
export async function insertFixtureCatalog(db: Database): Promise<Record<FixtureKey, string>> {
  const instructor = await createUser(db, "instructor", { name: "Ada Instructor" });
  const ids = {} as Record<FixtureKey, string>;
  let day = 0;
  for (const [key, fixture] of Object.entries(FIXTURE_COURSES) as [
    FixtureKey,
    Partial<CourseRow>,
  ][]) {
    day += 1;
    const at = new Date(Date.UTC(2025, 0, day));
    const row = await createCourse(db, instructor, {
      slug: `${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-${randomUUID().slice(0, 8)}`,
      publishedAt: at,
      createdAt: at,
      updatedAt: at,
      title: "",
      category: "",
      ...fixture,
    });
    ids[key] = row.id;
  }
  return ids;
}
