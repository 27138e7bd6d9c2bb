import { describe, expect, it } from "vitest";
import {
  differingPixels,
  inkPixels,
  pdfFonts,
  pdfTextLines,
  renderRegion,
} from "../testing/poppler";
import { renderCertificatePdf } from "./index";

const base = {
  courseTitle: "Analytical Engines 101",
  issuedAt: new Date("2026-11-21T10:30:00.000Z"),
  issuerName: "Lumen",
  verifyUrl: "https://edge.lumen.localhost/certificates/0b6f1f5e-6f6a-4c55-9d7e-3f1d2c8b9a10",
  certificateId: "0b6f1f5e-6f6a-4c55-9d7e-3f1d2c8b9a10",
};

/** The learner's name line at 72 dpi: it is centred with its baseline 225 pt below the top. */
const NAME_AREA = { x: 40, y: 175, width: 762, height: 70 };

const render = (learnerName: string, courseTitle = base.courseTitle) =>
  renderCertificatePdf({ ...base, learnerName, courseTitle });

const SCRIPTS: Array<[script: string, name: string, title: string]> = [
  ["Latin with diacritics", "Zoë Łukasz Żółć-Dvořák", "Ökonomie für Anfänger"],
  ["Vietnamese", "Nguyễn Thị Ánh", "Lập trình cơ bản"],
  ["Greek", "Αλέξανδρος Παπαδόπουλος", "Εισαγωγή στον προγραμματισμό"],
  ["Cyrillic", "Иван Петрович Сидоров", "Введение в программирование"],
  ["Chinese", "王小明", "编程入门"],
  ["Japanese", "山田 太郎 やまだ", "プログラミング入門"],
  ["Korean", "김민준", "프로그래밍 입문"],
  ["Arabic", "محمد عبد الله", "مقدمة في البرمجة"],
  ["Hebrew", "דוד כהן", "מבוא לתכנות"],
  ["Devanagari", "अर्जुन क्षत्रिय", "प्रोग्रामिंग का परिचय"],
];

describe("certificate names and titles in any script", () => {
  it.each(SCRIPTS)(
    "%s: the text extracted from the PDF is the name and title exactly",
    async (_, name, title) => {
      const lines = await pdfTextLines(await render(name, title));

      expect(lines).toContain(name);
      expect(lines).toContain(title);
    },
  );

  it.each(SCRIPTS)("%s: the name is drawn, not replaced by question marks", async (_, name) => {
    // What the WinAnsi-only renderer printed: every letter a "?", spaces kept.
    const questionMarks = [...new Intl.Segmenter().segment(name)]
      .map(({ segment }) => (segment === " " ? " " : "?"))
      .join("");

    const drawn = await renderRegion(await render(name), NAME_AREA);
    const replaced = await renderRegion(await render(questionMarks), NAME_AREA);

    expect(inkPixels(drawn)).toBeGreaterThan(400);
    expect(differingPixels(drawn, replaced)).toBeGreaterThan(inkPixels(drawn) / 3);
  });

  it("embeds only subsets of the Noto fonts it uses", async () => {
    const fonts = await pdfFonts(await render("山田 太郎", "محمد — Analytical Engines"));

    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) {
      expect(font).toMatchObject({ type: "CID TrueType", embedded: true, subset: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSans/);
    }
  });
});

describe("shaping", () => {
  it("joins Arabic letters (differs from the same letters kept apart by ZWNJ)", async () => {
    const joined = await renderRegion(await render("محمد"), NAME_AREA);
    const isolated = await renderRegion(await render("م\u200cح\u200cم\u200cد"), NAME_AREA);

    expect(differingPixels(joined, isolated)).toBeGreaterThan(200);
  });

  it("draws right-to-left text from the right: Hebrew looks like its reversal forced left-to-right", async () => {
    const rtl = await renderRegion(await render("דוד כהן"), NAME_AREA);
    const forcedLtr = await renderRegion(await render("\u202dןהכ דוד\u202c"), NAME_AREA);
    const unreversed = await renderRegion(await render("\u202dדוד כהן\u202c"), NAME_AREA);

    expect(differingPixels(rtl, forcedLtr)).toBeLessThan(20);
    expect(differingPixels(rtl, unreversed)).toBeGreaterThan(200);
  });

  it("forms Devanagari conjuncts (क्ष differs from क् + ष kept apart by ZWNJ)", async () => {
    const conjunct = await renderRegion(await render("क्षत्रिय"), NAME_AREA);
    const apart = await renderRegion(await render("क्\u200cषत्\u200cरिय"), NAME_AREA);

    expect(differingPixels(conjunct, apart)).toBeGreaterThan(200);
  });

  it("keeps the exact name in the extracted text when a glyph stands for several letters", async () => {
    const lines = await pdfTextLines(await render("श्री क्षत्रिय", "دورة بالعربية"));

    expect(lines).toContain("श्री क्षत्रिय");
    expect(lines).toContain("دورة بالعربية");
  });
});
