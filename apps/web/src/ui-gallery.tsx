/**
 * Every UI primitive in every variant on one page (`vite`, then /ui-gallery.html): for
 * looking at them in both themes, and for the browser test that checks their computed styles
 * and contrast (e2e/primitives.e2e.test.ts). Not part of the app's build.
 */
import "./styles/tokens.css";
import "./styles/base.css";
import { I18nProvider } from "@lingui/react";
import { StrictMode, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { createMemoryRouter, RouterProvider } from "react-router";
import { CodeEditor } from "./components/code-editor/CodeEditor";
import { ThemeMenu } from "./components/ThemeMenu";
import { Badge, type BadgeTone } from "./components/ui/Badge";
import { Button, buttonClass, iconButtonClass, linkButtonClass } from "./components/ui/Button";
import { Dialog } from "./components/ui/Dialog";
import { FormError, SelectField, TextField } from "./components/ui/Field";
import { MenuButton } from "./components/ui/Menu";
import { Notice } from "./components/ui/Notice";
import { Panel } from "./components/ui/Panel";
import { TabPanel, Tabs } from "./components/ui/Tabs";
import { RemovableTag, TagLink } from "./components/ui/Tag";
import { ToastRegion } from "./components/ui/Toast";
import { activateLocale, i18n } from "./lib/i18n";
import s from "./ui-gallery.module.css";

const TONES: BadgeTone[] = ["neutral", "outline", "info", "success", "warning", "danger", "accent"];

const STARTER = 'def greet(name):\n    """Say hello."""\n    return "Hello, " + name\n';
const SOLUTION =
  "function sum(numbers) {\n  return numbers.reduce((total, n) => total + n, 0);\n}\n";

function CodeEditors() {
  const [code, setCode] = useState(STARTER);
  const [language, setLanguage] = useState<"python" | "javascript">("python");
  return (
    <section aria-label="Code editor">
      <h2>Code editor</h2>
      <p id="exercise-instructions">Write a function that greets someone by name.</p>
      <CodeEditor
        id="answer"
        label="Your answer"
        language={language}
        value={code}
        onChange={setCode}
        minLines={6}
        describedBy="exercise-instructions"
      />
      <p>
        <Button onClick={() => setCode(STARTER)}>Reset to starter code</Button>{" "}
        <Button onClick={() => setLanguage(language === "python" ? "javascript" : "python")}>
          Language: {language}
        </Button>
      </p>
      <CodeEditor
        id="solution"
        label="Reference solution"
        language="javascript"
        value={SOLUTION}
        onChange={() => {}}
        readOnly
      />
    </section>
  );
}

function Gallery() {
  const [tab, setTab] = useState<"one" | "two">("one");
  const [speed, setSpeed] = useState(1);
  const [toast, setToast] = useState(true);
  const [dialog, setDialog] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  return (
    <main className={s.gallery}>
      <h1>UI primitives</h1>
      <ThemeMenu />
      <section aria-label="Buttons">
        <h2>Buttons</h2>
        <p>
          <Button variant="primary">Primary</Button> <Button>Secondary</Button>{" "}
          <Button variant="ghost">Ghost</Button> <Button variant="danger">Danger</Button>{" "}
          <Button variant="primary" size="small">
            Small
          </Button>{" "}
          <Button variant="primary" aria-disabled>
            Saving…
          </Button>{" "}
          <Button disabled>Disabled</Button>{" "}
          <button type="button" className={linkButtonClass}>
            Link button
          </button>{" "}
          <button type="button" className={iconButtonClass({ danger: true })} aria-label="Delete">
            ×
          </button>{" "}
          <label className={buttonClass({ variant: "secondary" })}>
            Upload a file
            <input type="file" className="visually-hidden" />
          </label>
        </p>
      </section>
      <section aria-label="Badges">
        <h2>Badges</h2>
        <p>
          {TONES.map((tone) => (
            <Badge key={tone} tone={tone}>
              {tone}
            </Badge>
          ))}{" "}
          <Badge tone="success" dot>
            Published
          </Badge>{" "}
          <Badge tone="warning" size="md">
            Not passed
          </Badge>
        </p>
        <p>
          A lesson title <Badge>Optional</Badge>
        </p>
      </section>
      <section aria-label="Tags">
        <h2>Tags</h2>
        <p>
          <TagLink to="/?category=Design">Design</TagLink>
        </p>
        <ul aria-label="Current tags">
          <RemovableTag removeLabel="Remove tag origami" onRemove={() => {}}>
            origami
          </RemovableTag>
        </ul>
      </section>
      <section aria-label="Notices">
        <h2>Notices</h2>
        <Notice tone="warning" as="p">
          A warning to act on.
        </Notice>
        <Notice tone="error" as="p">
          Something went wrong.
        </Notice>
        <Notice tone="success" as="p">
          Published.
        </Notice>
        <Notice tone="info" as="p">
          Showing results for <strong>origami</strong>.
        </Notice>
      </section>
      <Panel as="section" raised stack aria-label="Fields">
        <h2>Fields</h2>
        <TextField id="title" label="Title" hint="What learners search for." />
        <TextField id="email" label="Email" error="Enter your email address." />
        <SelectField id="level" label="Level" options={[{ value: "a", label: "Beginner" }]} />
        <FormError>We could not save the course.</FormError>
      </Panel>
      <section aria-label="Tabs">
        <Tabs
          label="Example"
          idPrefix="gallery"
          tabs={[
            { id: "one", label: "One" },
            { id: "two", label: "Two" },
          ]}
          selected={tab}
          onSelect={setTab}
        />
        <TabPanel idPrefix="gallery" tab="one" selected={tab}>
          The first panel.
        </TabPanel>
        <TabPanel idPrefix="gallery" tab="two" selected={tab}>
          The second panel.
        </TabPanel>
      </section>
      <section aria-label="Menu">
        <MenuButton
          label="Playback speed"
          buttonText={`${speed}×`}
          options={[1, 1.5, 2].map((value) => ({ value, label: `${value}×` }))}
          value={speed}
          onChange={setSpeed}
          buttonClassName={buttonClass({ variant: "ghost" })}
        />
      </section>
      <section aria-label="Dialog">
        <Button onClick={() => setDialog(true)}>Open the dialog</Button>
        {dialog && (
          <Dialog dialogRef={dialogRef} labelledBy="dialog-title" onClose={() => setDialog(false)}>
            <form method="dialog">
              <h2 id="dialog-title">A question</h2>
              <p>Close it with Escape or the button.</p>
              <Button type="submit">Close</Button>
            </form>
          </Dialog>
        )}
      </section>
      <CodeEditors />
      <ToastRegion onDismiss={() => setToast(false)}>
        {toast && "You reached 50 % of A tour of Lumen."}
      </ToastRegion>
    </main>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("ui-gallery.html is missing #root");
// Tag links are router links: a memory router keeps them on this page.
const router = createMemoryRouter([{ path: "*", Component: Gallery }]);
// The primitives' own words (Dismiss, Theme…) go through Lingui: in a production build the
// macros keep only message ids, so the English catalog must be loaded as in the app.
await activateLocale("en");

createRoot(root).render(
  <StrictMode>
    <I18nProvider i18n={i18n}>
      <RouterProvider router={router} />
    </I18nProvider>
  </StrictMode>,
);
