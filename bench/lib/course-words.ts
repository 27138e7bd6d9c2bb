import { CATEGORIES, type Category } from "@lumen/shared";

/**
 * Word lists for the search benchmark's synthetic catalog: ~300 topics over the twelve
 * categories plus a general vocabulary, so that words have a realistic spread of
 * selectivity (a few topics are common, most are rare) rather than 72 repeated titles.
 */
const TOPIC_LISTS: Record<Category, string> = {
  "Arts and Humanities":
    "Art History | Philosophy | Music Theory | Creative Writing | World History | Film Studies | Poetry | Ancient Rome | Renaissance Painting | Ethics | Mythology | Photography | Jazz Improvisation | Classical Music | Shakespeare | Medieval Europe | Architecture | Sculpture | Literary Criticism | Theatre | Songwriting | Calligraphy | Religious Studies | Archaeology | Linguistics",
  Business:
    "Marketing | Finance | Negotiation | Project Management | Accounting | Strategy | Entrepreneurship | Digital Marketing | Supply Chain | Sales | Business Analytics | Corporate Finance | Investment Banking | Human Resources | Operations Management | Brand Management | E-commerce | Venture Capital | Agile Management | Product Management | Real Estate | Business Law | Risk Management | Customer Success | Excel Modeling",
  "Computer Science":
    "Python | Algorithms | Data Structures | Operating Systems | Compilers | TypeScript | JavaScript | Java | Rust | Go Programming | C++ | Web Development | React | Distributed Systems | Computer Architecture | Functional Programming | Software Testing | Mobile Development | Android | iOS Development | Game Development | Computer Graphics | Computer Vision | Cryptography | Concurrency",
  "Data Science":
    "Machine Learning | Statistics | Data Visualization | Deep Learning | SQL for Analysts | Pandas | Natural Language Processing | Neural Networks | Reinforcement Learning | Time Series | Bayesian Statistics | Data Engineering | Big Data | Spark | Tableau | Power BI | Data Mining | Feature Engineering | Recommender Systems | A/B Testing | Regression Analysis | Causal Inference | MLOps | Generative AI | Large Language Models",
  Design:
    "Typography | UX Research | Interaction Design | Color Theory | Illustration | Design Systems | Graphic Design | Figma | Motion Design | Product Design | User Interface Design | Logo Design | Web Design | Accessibility | Prototyping | Design Thinking | Information Architecture | Visual Communication | Animation | 3D Modeling | Fashion Design | Interior Design | Game Design | Service Design | Usability Testing",
  Health:
    "Nutrition | Public Health | Epidemiology | Anatomy | Mindfulness | First Aid | Physiology | Mental Health | Yoga | Sports Science | Pharmacology | Global Health | Healthcare Management | Medical Terminology | Nursing | Immunology | Genetics | Sleep Science | Meditation | Fitness Training | Dietetics | Neuroscience | Health Informatics | Biostatistics | Wellbeing",
  "Information Technology":
    "Cloud Computing | Networking | Cybersecurity | Linux | DevOps | Databases | Kubernetes | Docker | AWS | Azure | Google Cloud | PostgreSQL | System Administration | Ethical Hacking | Network Security | IT Support | Terraform | Site Reliability | Observability | Windows Server | Bash Scripting | Penetration Testing | Data Centers | Identity Management | Incident Response",
  "Language Learning":
    "Spanish | Japanese | German Grammar | French Conversation | English Writing | Portuguese | Italian | Mandarin Chinese | Korean | Arabic | Russian | Hindi | Business English | IELTS Preparation | Spanish Grammar | French Pronunciation | Academic Writing | English Vocabulary | Sign Language | Dutch | Swedish | Greek | Latin | Turkish | Translation",
  Mathematics:
    "Calculus | Linear Algebra | Probability | Number Theory | Discrete Math | Geometry | Differential Equations | Real Analysis | Abstract Algebra | Topology | Trigonometry | Combinatorics | Graph Theory | Optimization | Numerical Methods | Mathematical Logic | Set Theory | Complex Analysis | Stochastic Processes | Algebra | Precalculus | Mathematical Modeling | Cryptographic Math | Fourier Analysis | Game Math",
  "Personal Development":
    "Public Speaking | Time Management | Leadership | Career Planning | Creativity | Habits | Productivity | Emotional Intelligence | Critical Thinking | Communication | Personal Finance | Resilience | Goal Setting | Networking Skills | Storytelling | Decision Making | Stress Management | Negotiation Skills | Remote Work | Coaching | Memory Techniques | Speed Reading | Mentoring | Interview Skills | Self Discipline",
  "Physical Science":
    "Physics | Chemistry | Astronomy | Climate Science | Thermodynamics | Geology | Quantum Mechanics | Organic Chemistry | Electromagnetism | Astrophysics | Materials Science | Oceanography | Particle Physics | Renewable Energy | Nuclear Physics | Biochemistry | Meteorology | Optics | Fluid Dynamics | Environmental Science | Relativity | Cosmology | Electronics | Robotics | Mechanics",
  "Social Sciences":
    "Psychology | Economics | Sociology | Political Science | Anthropology | Game Theory | Behavioral Economics | International Relations | Criminology | Urban Planning | Education Policy | Social Psychology | Microeconomics | Macroeconomics | Development Economics | Human Geography | Public Policy | Cognitive Science | Demography | Gender Studies | Law | Journalism | Media Studies | Child Development | Research Methods",
};
export const TOPICS_BY_CATEGORY: ReadonlyMap<Category, readonly string[]> = new Map(
  CATEGORIES.map((category) => [category, TOPIC_LISTS[category].split(" | ")]),
);

export const TITLE_PATTERNS = [
  "Introduction to {t}",
  "{t} Fundamentals",
  "Applied {t}",
  "{t} for Everyone",
  "Mastering {t}",
  "{t} in Practice",
  "The Complete {t} Course",
  "Foundations of {t}",
  "Advanced {t}",
  "Practical {t}",
  "{t} Bootcamp",
  "{t} Essentials",
  "Modern {t}",
  "{t} for Beginners",
  "Hands-on {t}",
  "{t}: From Zero to Hero",
  "Professional {t}",
  "{t} Masterclass",
  "Learn {t} Step by Step",
  "{t} Crash Course",
] as const;

/** Localized title patterns for courses taught in other languages (stemming applies). */
export const LOCAL_TITLE_PATTERNS: Record<string, readonly string[]> = {
  es: ["Introducción a {t}", "Curso completo de {t}", "Fundamentos de {t}", "{t} práctico"],
  fr: ["Introduction à {t}", "Cours complet de {t}", "Les bases de {t}", "{t} appliqué"],
  de: ["Einführung in {t}", "{t} für Anfänger", "Grundlagen der {t}", "Praktische {t}"],
  pt: ["Introdução a {t}", "Curso completo de {t}", "Fundamentos de {t}", "{t} aplicado"],
  it: ["Introduzione a {t}", "Corso completo di {t}", "Fondamenti di {t}", "{t} pratico"],
};

export const SUBTITLE_PATTERNS = [
  "Build real projects with {t} and {v}",
  "A hands-on guide to {t} for {v} teams",
  "Understand {t} through {v} examples",
  "From first principles to {v} {t}",
  "Everything you need to know about {t} and {v}",
  "Learn {t} with exercises, quizzes and {v} case studies",
] as const;

/** General vocabulary for descriptions and subtitles. */
export const VOCABULARY =
  `analysis framework workflow dataset pipeline model theory practice project team
industry research experiment strategy method principle concept technique tool platform system
design pattern architecture interface library module function variable process lifecycle
quality performance security reliability scalability efficiency productivity collaboration
communication leadership creativity innovation problem solution question answer evidence
argument history culture society economy market customer product service business startup
career portfolio certificate skill knowledge expert beginner intermediate professional student
teacher mentor community feedback review assessment quiz assignment exercise lab lecture
reading video chapter lesson module unit week deadline schedule calendar habit routine goal
plan budget cost revenue profit growth risk decision tradeoff constraint requirement feature
prototype sketch draft iteration release deployment monitoring incident outage recovery
backup storage network server client browser mobile desktop cloud container cluster node
query index cache queue stream batch event message signal noise trend forecast estimate
probability distribution sample variance correlation regression classification clustering
ranking recommendation optimization simulation visualization dashboard report chart graph
table spreadsheet document presentation story narrative audience speech debate essay
grammar vocabulary pronunciation conversation listening writing translation dialect accent
health nutrition exercise sleep stress wellbeing anatomy disease treatment prevention
vaccine patient clinic hospital policy law regulation ethics privacy fairness justice
climate energy carbon ocean forest planet star galaxy particle atom molecule reaction
material structure force motion wave light sound heat electricity magnetism circuit robot
sensor drone vehicle engine city building bridge road transport logistics supply demand
price inflation trade currency bank loan investment portfolio stock bond fund insurance
marketing advertising brand campaign content social media influencer audience funnel
conversion retention churn pricing negotiation contract partner vendor supplier inventory
warehouse shipping delivery tracking analytics metric kpi okr roadmap backlog sprint
standup retrospective agile scrum kanban lean sixsigma quality audit compliance governance
painting drawing color shape texture composition perspective portrait landscape sculpture
music rhythm melody harmony chord instrument piano guitar violin choir orchestra film scene
camera editing lighting script actor director stage theatre poem novel author critic
archive museum gallery exhibition heritage tradition ritual language identity migration`
    .split(/\s+/)
    .filter(Boolean);

export const DESCRIPTION_SENTENCES = [
  "This {l} course teaches {t} with a focus on {v} and {v}.",
  "You will practise {t} through weekly {v} exercises and a final {v} project.",
  "We start from the basics of {v} and build up to {v} in real {t} work.",
  "Each module combines short videos, readings on {v} and a {v} quiz.",
  "By the end you can apply {t} to {v} problems and explain your {v} to a team.",
  "Learners who finish usually move on to {v} and {v}.",
  "Taught by practitioners with years of {v} experience in {t}.",
  "No prior {v} knowledge is required; curiosity about {t} is enough.",
] as const;
