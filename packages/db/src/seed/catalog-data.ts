export const CATEGORIES = [
  "Data Science",
  "Computer Science",
  "Business",
  "Design",
  "Health",
  "Language Learning",
  "Mathematics",
  "Personal Development",
  "Physical Science",
  "Social Sciences",
  "Arts and Humanities",
  "Information Technology",
] as const;

export const LANGUAGES = ["en", "es", "fr", "de", "pt", "ja"] as const;
export const LEVELS = ["beginner", "intermediate", "advanced"] as const;

/** Topic words per category; titles are built from these so search has real text to find. */
export const TOPICS: Record<(typeof CATEGORIES)[number], readonly string[]> = {
  "Data Science": [
    "Machine Learning",
    "Statistics",
    "Data Visualization",
    "Deep Learning",
    "SQL for Analysts",
    "Pandas",
  ],
  "Computer Science": [
    "Python",
    "Algorithms",
    "Data Structures",
    "Operating Systems",
    "Compilers",
    "TypeScript",
  ],
  Business: ["Marketing", "Finance", "Negotiation", "Project Management", "Accounting", "Strategy"],
  Design: [
    "Typography",
    "UX Research",
    "Interaction Design",
    "Color Theory",
    "Illustration",
    "Design Systems",
  ],
  Health: ["Nutrition", "Public Health", "Epidemiology", "Anatomy", "Mindfulness", "First Aid"],
  "Language Learning": [
    "Spanish",
    "Japanese",
    "German Grammar",
    "French Conversation",
    "English Writing",
    "Portuguese",
  ],
  Mathematics: [
    "Calculus",
    "Linear Algebra",
    "Probability",
    "Number Theory",
    "Discrete Math",
    "Geometry",
  ],
  "Personal Development": [
    "Public Speaking",
    "Time Management",
    "Leadership",
    "Career Planning",
    "Creativity",
    "Habits",
  ],
  "Physical Science": [
    "Physics",
    "Chemistry",
    "Astronomy",
    "Climate Science",
    "Thermodynamics",
    "Geology",
  ],
  "Social Sciences": [
    "Psychology",
    "Economics",
    "Sociology",
    "Political Science",
    "Anthropology",
    "Game Theory",
  ],
  "Arts and Humanities": [
    "Art History",
    "Philosophy",
    "Music Theory",
    "Creative Writing",
    "World History",
    "Film Studies",
  ],
  "Information Technology": [
    "Cloud Computing",
    "Networking",
    "Cybersecurity",
    "Linux",
    "DevOps",
    "Databases",
  ],
};

export const TITLE_PATTERNS = [
  "Introduction to {t}",
  "{t} Fundamentals",
  "Applied {t}",
  "{t} for Everyone",
  "Mastering {t}",
  "{t} in Practice",
  "The Complete {t} Course",
  "Foundations of {t}",
] as const;

export const LESSON_KINDS = [
  "video",
  "video",
  "text",
  "pdf",
  "quiz",
  "video",
  "assignment",
  "exercise",
] as const;
