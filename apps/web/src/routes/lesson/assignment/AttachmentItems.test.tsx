import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withI18n } from "../../../lib/i18n/testing";
import { AttachmentItems } from "./AttachmentItems";
import { AttachmentLinks } from "./AttachmentList";
import type { Attachment, PendingFile } from "./attachments";

const essay: Attachment = {
  id: "a1",
  lessonId: "l1",
  filename: "essay.pdf",
  contentType: "application/pdf",
  byteSize: 2048,
  createdAt: "2026-12-06T17:00:00.000Z",
  downloadUrl: "/api/attachments/a1",
};

const pending: PendingFile[] = [
  { key: "k1", name: "photo.png", state: "uploading", loaded: 512, total: 2048 },
  { key: "k2", name: "run.exe", state: "failed", message: "“run.exe” can't be attached." },
];

const render = (props: Partial<Parameters<typeof AttachmentItems>[0]> = {}) =>
  renderToStaticMarkup(
    withI18n(
      <AttachmentItems
        stored={[essay]}
        pending={pending}
        disabled={false}
        removing={new Set()}
        removeErrors={{}}
        onRemove={() => {}}
        onCancel={() => {}}
        onDismiss={() => {}}
        {...props}
      />,
    ),
  );

describe("AttachmentItems", () => {
  it("links a stored file for download and offers to remove it, named for screen readers", () => {
    const html = render();
    expect(html).toContain(
      '<a class="name" href="/api/attachments/a1" download="essay.pdf" translate="no">essay.pdf</a>',
    );
    expect(html).toContain("2.0 kB");
    expect(html).toContain(
      'Remove<span class="visually-hidden" translate="no"> essay.pdf</span></button>',
    );
  });

  it("shows an upload's progress as a bar with its numbers, and a Cancel button", () => {
    const html = render();
    expect(html).toContain('role="progressbar" aria-label="Uploading photo.png"');
    expect(html).toContain('aria-valuenow="25"');
    expect(html).toContain("25 % · 512 B of 2.0 kB");
    expect(html).toContain('Cancel<span class="visually-hidden"> uploading photo.png</span>');
  });

  it("announces a refused file's reason beside it", () => {
    expect(render()).toContain(
      '<p class="error" role="alert">“run.exe” can&#x27;t be attached.</p>',
    );
  });

  it("offers no Remove when the submission is locked, and says why a removal failed", () => {
    expect(render({ disabled: true })).not.toContain("Remove");
    const failed = render({ removeErrors: { a1: "Your submission is being reviewed." } });
    expect(failed).toContain('role="alert">Your submission is being reviewed.</p>');
    expect(render({ removing: new Set(["a1"]) })).toContain('disabled="">Removing…');
  });
});

describe("AttachmentLinks", () => {
  it("lists a submission's files as download links with their kind and size", () => {
    const html = renderToStaticMarkup(withI18n(<AttachmentLinks attachments={[essay]} />));
    expect(html).toContain('href="/api/attachments/a1" download="essay.pdf"');
    expect(html).toContain("PDF · 2.0 kB");
    expect(renderToStaticMarkup(withI18n(<AttachmentLinks attachments={[]} />))).toContain(
      "No files attached.",
    );
  });
});
