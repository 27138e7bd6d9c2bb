import { TRPCClientError } from "@trpc/client";
// English is active: the messages these helpers build read as written.
import "../../../lib/i18n/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type Attachment,
  type AttachmentApi,
  declaredType,
  fileProblem,
  MAX_BYTES,
  readEdgeResponse,
  refusalMessage,
  UploadCancelled,
  uploadAttachment,
} from "./attachments";

const file = (name: string, type = "", size = 10) => ({ name, type, size });

describe("declaredType", () => {
  it("goes by the extension, whatever the browser calls ZIP or Markdown", () => {
    expect(declaredType(file("essay.PDF", "application/pdf"))).toBe("application/pdf");
    expect(declaredType(file("photo.jpeg", "image/jpeg"))).toBe("image/jpeg");
    expect(declaredType(file("code.zip", "application/x-zip-compressed"))).toBe("application/zip");
    expect(declaredType(file("notes.md", ""))).toBe("text/markdown");
    expect(declaredType(file("notes.md", "text/plain"))).toBe("text/markdown");
    expect(declaredType(file("log.txt", "text/plain"))).toBe("text/plain");
  });

  it("refuses other extensions, and a browser type that names another allowed type", () => {
    expect(declaredType(file("drawing.svg", "image/svg+xml"))).toBeNull();
    expect(declaredType(file("page.html", "text/html"))).toBeNull();
    expect(declaredType(file("README", "text/plain"))).toBeNull();
    expect(declaredType(file("photo.png", "image/jpeg"))).toBeNull();
  });
});

describe("fileProblem", () => {
  it("says what is wrong with the file, naming it", () => {
    expect(fileProblem(file("run.exe", "application/x-msdownload"), 0)).toBe(
      "“run.exe” can't be attached. Attach a PDF, an image (PNG, JPEG, WebP or GIF), a plain text or Markdown file, or a ZIP archive.",
    );
    expect(fileProblem(file("empty.txt", "text/plain", 0), 0)).toBe("“empty.txt” is empty.");
    expect(fileProblem(file("big.zip", "application/zip", MAX_BYTES + 1), 0)).toBe(
      "“big.zip” is 20.0 MiB; attachments can be at most 20 MiB.",
    );
    expect(fileProblem(file("ok.zip", "application/zip", MAX_BYTES), 0)).toBeNull();
  });

  it("refuses a sixth file, counting those on their way", () => {
    expect(fileProblem(file("a.pdf"), 5)).toBe(
      "A submission can have at most 5 attachments. Remove one to attach another.",
    );
    expect(fileProblem(file("a.pdf"), 4)).toBeNull();
  });
});

describe("readEdgeResponse and refusalMessage", () => {
  it("shows the edge's own words for a refused upload, and plain words otherwise", () => {
    expect(readEdgeResponse(200, '{"size":10}')).toEqual({ ok: true });
    expect(
      readEdgeResponse(
        400,
        '{"error":{"code":"wrong_size","message":"This upload must be exactly 10 bytes; got 9."}}',
      ),
    ).toEqual({ ok: false, message: "This upload must be exactly 10 bytes; got 9." });
    expect(readEdgeResponse(403, '{"error":{"code":"forbidden","message":"x"}}')).toEqual({
      ok: false,
      message: "The upload link expired. Attach the file again.",
    });
    expect(readEdgeResponse(502, "<html>")).toEqual({
      ok: false,
      message: "The upload failed. Please try again.",
    });
  });

  it("reads the API's field message first, then its message, never a 500's", () => {
    const field = TRPCClientError.from({
      error: {
        message: "Invalid input",
        code: -32600,
        data: {
          code: "BAD_REQUEST",
          fieldErrors: { byteSize: ["Attachments can be at most 20 MiB."] },
        },
      },
    });
    const conflict = TRPCClientError.from({
      error: {
        message: "Your submission is being reviewed.",
        code: -32600,
        data: { code: "CONFLICT" },
      },
    });
    const internal = TRPCClientError.from({
      error: { message: "boom", code: -32603, data: { code: "INTERNAL_SERVER_ERROR" } },
    });
    expect(refusalMessage(field)).toBe("Attachments can be at most 20 MiB.");
    expect(refusalMessage(conflict)).toBe("Your submission is being reviewed.");
    expect(refusalMessage(internal)).toBe("The upload failed. Please try again.");
  });
});

/** XMLHttpRequest as the browser gives it, driven by the test. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = "";
  upload: { onprogress: ((event: { loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort() {
    this.onabort?.();
  }
  respond(status: number, text: string) {
    this.upload.onprogress?.({ loaded: 6, total: 12 });
    this.upload.onprogress?.({ loaded: 12, total: 12 });
    this.status = status;
    this.responseText = text;
    this.onload?.();
  }
}

const STORED: Attachment = {
  id: "a1",
  lessonId: "l1",
  filename: "essay.pdf",
  contentType: "application/pdf",
  byteSize: 12,
  createdAt: "2026-12-06T17:00:00.000Z",
  downloadUrl: "/api/attachments/a1",
};

function fakeApi(overrides: Partial<AttachmentApi> = {}) {
  const calls: string[] = [];
  const api: AttachmentApi = {
    start: async (input) => {
      calls.push(`start ${input.filename} ${input.contentType} ${input.byteSize}`);
      return { attachmentId: "a1", url: "http://edge.test/attachments/tok" };
    },
    confirm: async ({ attachmentId }) => {
      calls.push(`confirm ${attachmentId}`);
      return STORED;
    },
    remove: async ({ attachmentId }) => {
      calls.push(`remove ${attachmentId}`);
      return { attachmentId };
    },
    ...overrides,
  };
  return { api, calls };
}

/** Lets the upload's awaits run until it has sent its PUT. */
async function sentPut(): Promise<FakeXhr> {
  await vi.waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
  const [xhr] = FakeXhr.sent;
  if (!xhr) throw new Error("no PUT was sent");
  return xhr;
}

describe("uploadAttachment", () => {
  beforeEach(() => {
    FakeXhr.sent = [];
    vi.stubGlobal("XMLHttpRequest", FakeXhr);
  });
  afterEach(() => vi.unstubAllGlobals());

  const pdf = new File(["%PDF-1.7 abc"], "essay.pdf", { type: "application/pdf" });

  it("starts, PUTs the file to the edge with progress, then confirms", async () => {
    const { api, calls } = fakeApi();
    const progress: number[] = [];

    const upload = uploadAttachment(api, "l1", pdf, (loaded) => progress.push(loaded));
    const xhr = await sentPut();
    xhr.respond(200, '{"size":12}');

    expect(await upload.done).toEqual(STORED);
    expect([xhr.method, xhr.url, xhr.headers["content-type"], xhr.body]).toEqual([
      "PUT",
      "http://edge.test/attachments/tok",
      "application/pdf",
      pdf,
    ]);
    expect(progress).toEqual([6, 12]);
    expect(calls).toEqual(["start essay.pdf application/pdf 12", "confirm a1"]);
  });

  it("shows the edge's refusal and removes the half-made attachment", async () => {
    const { api, calls } = fakeApi();

    const upload = uploadAttachment(api, "l1", pdf, () => {});
    (await sentPut()).respond(
      413,
      '{"error":{"code":"attachment_too_large","message":"Attachments can be at most 20 MiB."}}',
    );

    await expect(upload.done).rejects.toThrow("Attachments can be at most 20 MiB.");
    expect(calls).toEqual(["start essay.pdf application/pdf 12", "remove a1"]);
  });

  it("a cancel aborts the PUT and removes the attachment", async () => {
    const { api, calls } = fakeApi();

    const upload = uploadAttachment(api, "l1", pdf, () => {});
    await sentPut();
    upload.abort();

    await expect(upload.done).rejects.toBeInstanceOf(UploadCancelled);
    expect(calls).toEqual(["start essay.pdf application/pdf 12", "remove a1"]);
  });

  it("shows the API's reason when the bytes are refused on confirm", async () => {
    const message = "“essay.pdf” is not a PDF document inside.";
    const { api } = fakeApi({
      confirm: async () => {
        throw TRPCClientError.from({
          error: {
            message,
            code: -32600,
            data: { code: "BAD_REQUEST", fieldErrors: { file: [message] } },
          },
        });
      },
    });

    const upload = uploadAttachment(api, "l1", pdf, () => {});
    (await sentPut()).respond(200, '{"size":12}');

    await expect(upload.done).rejects.toThrow(message);
  });
});
