import { getEmailSettings } from "@lumen/core/email";
import { createNotifications, type NewNotification, verbatim } from "@lumen/core/notifications";
import { createUser } from "@lumen/core/testing";
import { emailSends, notifications } from "@lumen/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailRelay } from "./mail-relay";

const smtp = mailRelay();
const { db, runSendJob } = smtp;

let seq = 0;
async function notify(userId: string, kind: NewNotification["kind"], title = `Note ${++seq}`) {
  await db().transaction((tx) =>
    createNotifications(tx, [
      {
        userId,
        kind,
        title: verbatim(title),
        body: verbatim("Body text"),
        link: "/courses/x/learn",
        dedupeKey: `t:${++seq}`,
      },
    ]),
  );
}

async function verifiedUser(overrides: { timeZone?: string } = {}) {
  return createUser(db(), "learner", { emailVerified: true, ...overrides });
}

/** A header of the raw message (maildev's JSON view leaves most out). */
function header(source: string, name: string) {
  const unfolded = source.replace(/\r?\n[ \t]+/g, " ");
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line?.slice(name.length + 1).trim();
}

describe("instant notification email", () => {
  it("one notification → exactly one email, even when the job runs twice", async () => {
    const user = await verifiedUser({ timeZone: "Asia/Tokyo" });
    await notify(user.id, "forum_reply", `<script>x</script> & "Ada" replied`);
    await runSendJob();
    await runSendJob();
    const mails = await smtp.catcher.to(user.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    if (!mail) throw new Error("no mail");
    expect(mail.subject).toBe(`<script>x</script> & "Ada" replied`);
    // HTML and text parts; user content escaped in the HTML, verbatim in the text.
    expect(mail.html).toContain("&lt;script&gt;x&lt;/script&gt; &amp; &quot;Ada&quot; replied");
    expect(mail.html).not.toContain("<script>");
    expect(mail.text).toContain(`<script>x</script> & "Ada" replied`);
    // The date is in the user's zone.
    expect(mail.text).toMatch(/GMT\+9/);
    const source = await smtp.catcher.source(mail.id);
    expect(header(source, "list-unsubscribe")).toMatch(
      /^<http:\/\/localhost:5173\/api\/email\/unsubscribe\?token=[\w.-]+>$/,
    );
    expect(header(source, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(source).toMatch(/Content-Type: text\/plain/i);
    expect(source).toMatch(/Content-Type: text\/html/i);
  });

  it("the one-click POST turns that kind off: the next one sends nothing, other kinds still do", async () => {
    const user = await verifiedUser();
    await notify(user.id, "forum_reply");
    await runSendJob();
    const [first] = await smtp.catcher.to(user.email);
    if (!first) throw new Error("no mail");
    const url = new URL(
      header(await smtp.catcher.source(first.id), "list-unsubscribe")?.slice(1, -1) ?? "",
    );
    // As a mail provider sends it: no cookie, no Origin, the RFC 8058 body.
    const res = await smtp.t.app.request(`${url.pathname}${url.search}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(res.status).toBe(200);
    const settings = await getEmailSettings({ db: db(), user });
    expect(settings.preferences.find((p) => p.kind === "forum_reply")?.delivery).toBe("off");

    await notify(user.id, "forum_reply", "Another reply");
    await runSendJob();
    expect(await smtp.catcher.to(user.email)).toHaveLength(1);
    await notify(user.id, "forum_mention", "You were mentioned");
    await runSendJob();
    const subjects = (await smtp.catcher.to(user.email)).map((m) => m.subject);
    expect(subjects).toEqual([first.subject, "You were mentioned"]);
  });

  it("a forged or altered token changes nothing and says why", async () => {
    const user = await verifiedUser();
    await notify(user.id, "grade");
    await runSendJob();
    const [mail] = await smtp.catcher.to(user.email);
    if (!mail) throw new Error("no mail");
    const token =
      new URL(
        header(await smtp.catcher.source(mail.id), "list-unsubscribe")?.slice(1, -1) ?? "",
      ).searchParams.get("token") ?? "";
    const [body, signature] = token.split(".");
    const otherScope = Buffer.from(JSON.stringify({ u: user.id, s: "all" })).toString("base64url");
    for (const forged of [
      `${body}.${"A".repeat(signature?.length ?? 43)}`,
      `${otherScope}.${signature}`,
      "not-a-token-at-all",
    ]) {
      const res = await smtp.t.app.request(`/api/email/unsubscribe?token=${forged}`, {
        method: "POST",
      });
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { error: { message: string } };
      expect(problem.error.message).toMatch(/unsubscribe link is not valid/);
    }
    const settings = await getEmailSettings({ db: db(), user });
    expect(settings.preferences.every((p) => p.isDefault)).toBe(true);
  });

  it("opening the link (GET) changes nothing and leads to the web app's confirmation page", async () => {
    const user = await verifiedUser();
    await notify(user.id, "certificate");
    await runSendJob();
    const [mail] = await smtp.catcher.to(user.email);
    if (!mail) throw new Error("no mail");
    const url = new URL(
      header(await smtp.catcher.source(mail.id), "list-unsubscribe")?.slice(1, -1) ?? "",
    );
    const res = await smtp.t.app.request(`${url.pathname}${url.search}`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^http:\/\/localhost:5173\/unsubscribe\?token=/);
    const settings = await getEmailSettings({ db: db(), user });
    expect(settings.preferences.every((p) => p.isDefault)).toBe(true);
  });

  it("an unverified address gets no email; the notification stays in the app", async () => {
    const user = await createUser(db(), "learner");
    await notify(user.id, "forum_reply");
    await runSendJob();
    expect(await smtp.catcher.to(user.email)).toHaveLength(0);
    const [row] = await db().select().from(emailSends).where(eq(emailSends.userId, user.id));
    expect(row?.status).toBe("skipped");
    expect(
      await db().select().from(notifications).where(eq(notifications.userId, user.id)),
    ).toHaveLength(1);
  });

  it("an SMTP failure is retried later with backoff, not lost and not repeated at once", async () => {
    const user = await verifiedUser();
    await notify(user.id, "forum_reply", "Flaky SMTP");
    let calls = 0;
    await runSendJob({
      send: async () => {
        calls += 1;
        throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNECTION" });
      },
    });
    expect(calls).toBe(1);
    const [row] = await db().select().from(emailSends).where(eq(emailSends.userId, user.id));
    expect(row?.status).toBe("queued");
    expect(row?.attempts).toBe(1);
    expect(row?.lastError).toBe("send failed: ECONNECTION");
    expect(row?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Not due yet: the real job sends nothing now.
    await runSendJob();
    expect(await smtp.catcher.to(user.email)).toHaveLength(0);
  });
});
