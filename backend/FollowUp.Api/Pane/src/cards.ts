// One card per interviewer: notes, interests found, gift links, live letter preview, and the send action.
import { api, ApiError, type Draft, type EventBody, type Interview, type InterviewerInfo } from "./api";
import { announce, h, on, safeHref, uid } from "./dom";
import { createEmail, insertIntoCompose, senderName, timeZone, type Surface } from "./host";
import { describeError, formatWhen, renderFindings, statusBadge } from "./views";

const NOTES_LIMIT = 4000;
const DEBOUNCE_MS = 300;
let checksAvailable = true;

export interface InterviewView { interview: Interview; event?: EventBody; surface: Surface; }

export function renderInterview(view: InterviewView): HTMLElement {
  const { interview } = view;
  const headingId = uid("interview");
  const meta = [interview.company, interview.role].filter(Boolean).join(" · ");
  const section = h("section", { class: "interview", "aria-labelledby": headingId },
    h("h2", { id: headingId, tabindex: "-1" }, interview.subject || "(no subject)"),
    meta ? h("p", { class: "meta" }, meta) : null,
    h("p", { class: "meta" }, [formatWhen(interview.start), interview.location].filter(Boolean).join(" · ")),
    interview.isInterview ? null : h("p", { class: "notice", role: "note" },
      "This doesn't look like a job interview. You can still draft a thank-you below."));
  if (interview.interviewers.length === 0) {
    section.append(h("p", { class: "empty" }, "No interviewers were found on this event."));
  }
  const list = h("div", { class: "cards" });
  interview.interviewers.forEach((person) => list.append(new InterviewerCard(view, person).element));
  section.append(list);
  return section;
}

class InterviewerCard {
  readonly element: HTMLElement;
  private notes = "";
  private notesTouched = false;
  private giftUrl: string | undefined;
  private draft: Draft | null = null;
  private seq = 0;
  private timer: number | undefined;
  private stale = true;
  private inflight: Promise<void> | null = null;
  private readonly chips = h("ul", { class: "chips", "aria-label": "Interests found" });
  private readonly gifts = h("div", { class: "gift-options" });
  private readonly preview = h("iframe", { class: "letter", sandbox: "" });
  private readonly findings = h("ul", { class: "findings", "aria-label": "Etiquette check", hidden: true });
  private readonly problem = h("div", { class: "card-problem" });
  private readonly status = h("p", { class: "card-status", role: "status" });
  private badge: HTMLElement;
  private readonly mailto: HTMLAnchorElement | null = null;

  constructor(private readonly view: InterviewView, private readonly person: InterviewerInfo) {
    const nameId = uid("name");
    const notesId = uid("notes");
    const countId = uid("count");
    const first = person.firstName || person.name.split(/\s+/)[0] || person.name;
    this.badge = statusBadge(person.status);
    this.preview.title = `Letter preview for ${person.name}`;

    const notes = h("textarea", { id: notesId, maxlength: NOTES_LIMIT, rows: 3, "aria-describedby": countId,
      placeholder: "What did you talk about? e.g. she knits, runs marathons" });
    const counter = h("p", { id: countId, class: "counter" }, `0 / ${NOTES_LIMIT}`);
    on(notes, "input", () => {
      this.notes = notes.value.slice(0, NOTES_LIMIT);
      this.notesTouched = true;
      counter.textContent = `${this.notes.length} / ${NOTES_LIMIT}`;
      this.schedule();
    });

    const actions = h("div", { class: "actions" });
    const surface = view.surface;
    if (surface === "compose") {
      actions.append(this.actionButton(`Insert thank-you to ${person.name}`, null, () => this.insert()));
    } else if (surface === "preview") {
      actions.append(this.actionButton("Copy", `Copy letter to ${person.name}`, () => this.copy(), "btn"));
      this.mailto = h("a", { class: "btn", href: "#", "aria-label": `Open in mail app: letter to ${person.name}` }, "Open in mail app");
      on(this.mailto, "click", (event) => { event.preventDefault(); void this.run(() => this.openMailApp()); });
      actions.append(this.mailto);
    } else {
      actions.append(this.actionButton(`Create email to ${person.name}`, null, () => this.create()));
    }

    this.element = h("article", { class: "card", "aria-labelledby": nameId },
      h("div", { class: "card-head" },
        h("h3", { id: nameId }, person.name || person.email),
        this.badge),
      h("p", { class: "email" }, person.email),
      h("label", { for: notesId }, `Notes about ${first}`),
      notes,
      counter,
      this.chips,
      h("fieldset", { class: "gifts" }, h("legend", {}, "Gift link"), this.gifts),
      h("details", { class: "preview", open: true }, h("summary", {}, "Letter preview"), this.preview),
      this.findings,
      this.problem,
      actions,
      this.status);
    this.renderChips();
    this.gifts.append(h("p", { class: "hint" }, "Gift links appear once the letter is drafted."));
    void this.refresh();
  }

  private actionButton(text: string, label: string | null, act: () => Promise<void>, cls = "btn primary"): HTMLButtonElement {
    const button = h("button", { type: "button", class: cls, "aria-label": label });
    button.textContent = text;
    on(button, "click", () => {
      if (button.getAttribute("aria-disabled") === "true") return;
      button.setAttribute("aria-disabled", "true");
      void this.run(act).finally(() => button.removeAttribute("aria-disabled"));
    });
    return button;
  }

  private async run(act: () => Promise<void>): Promise<void> {
    try {
      await act();
    } catch (error) {
      const { title, detail } = describeError(error);
      this.status.textContent = detail ? `${title} ${detail}` : title;
      this.status.classList.add("failed");
    }
  }

  private schedule(): void {
    this.stale = true;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => { this.timer = undefined; void this.refresh(); }, DEBOUNCE_MS);
  }

  /** Drafts again; one request per card at a time, and only the newest answer is shown. */
  private refresh(): Promise<void> {
    const mine = ++this.seq;
    this.stale = false;
    this.problem.replaceChildren();
    this.status.classList.remove("failed");
    const previous = this.inflight ?? Promise.resolve();
    const work = previous.catch(() => undefined).then(async () => {
      if (mine !== this.seq) return; // a newer request follows this one
      try {
        const draft = await api.draft({
          eventId: this.view.interview.eventId,
          interviewerEmail: this.person.email,
          notes: this.notesTouched ? this.notes : undefined,
          senderName: senderName(),
          giftUrl: this.giftUrl,
          timeZone: timeZone(),
          event: this.view.event,
        });
        if (mine !== this.seq) return;
        this.draft = draft;
        this.show(draft);
        void this.check(draft, mine);
      } catch (error) {
        if (mine !== this.seq) return;
        this.draft = null;
        const { title, detail } = describeError(error);
        const retry = on(h("button", { type: "button", class: "btn" }, "Retry"), "click", () => void this.refresh());
        this.problem.replaceChildren(h("div", { class: "error", role: "alert" },
          h("p", { class: "error-title" }, `The letter to ${this.person.name} couldn't be drafted. ${title}`),
          detail ? h("p", { class: "error-detail" }, detail) : null, retry));
      }
    });
    this.inflight = work;
    return work;
  }

  /** The current letter, re-drafted first when the notes changed since the last one. */
  private async current(): Promise<Draft> {
    if (this.timer !== undefined) {
      window.clearTimeout(this.timer);
      this.timer = undefined;
      this.stale = true;
    }
    if (this.stale) await this.refresh();
    else if (this.inflight) await this.inflight;
    if (!this.draft) throw new Error(`The letter to ${this.person.name} isn't ready yet.`);
    return this.draft;
  }

  private show(draft: Draft): void {
    this.renderChips(draft);
    this.renderGifts(draft);
    this.preview.srcdoc = letterDocument(draft.htmlBody);
    if (this.mailto) this.mailto.href = mailtoFor(this.person.email, draft);
    announce(`Letter to ${this.person.name} updated${draft.interests.length ? `: ${draft.interests.map((i) => i.topic).join(", ")}` : ""}.`);
  }

  private renderChips(draft?: Draft): void {
    const interests = draft?.interests ?? [];
    this.chips.replaceChildren(...interests.map((interest) =>
      h("li", { class: "chip", title: interest.evidence || null }, interest.topic)));
    if (interests.length === 0) {
      this.chips.append(h("li", { class: "chip-empty" }, "No interest found yet: note something they enjoy."));
    }
  }

  private renderGifts(draft: Draft): void {
    const name = uid("gift");
    const chosen = draft.gift?.url ?? this.giftUrl;
    const options = draft.gifts.map((gift) => {
      const id = uid("gift-option");
      const whyId = uid("why");
      const href = safeHref(gift.url);
      const radio = h("input", { type: "radio", name, id, value: gift.url, "aria-describedby": gift.why ? whyId : null });
      radio.checked = gift.url === chosen;
      on(radio, "change", () => {
        if (!radio.checked) return;
        this.giftUrl = gift.url;
        this.stale = true;
        void this.refresh();
      });
      return h("div", { class: "gift" },
        radio,
        h("div", { class: "gift-text" },
          h("label", { for: id }, gift.title),
          gift.why ? h("p", { id: whyId, class: "why" }, gift.why) : null,
          href ? h("a", { href, target: "_blank", rel: "noopener noreferrer", "aria-label": `Open ${gift.title} (new window)` }, "Open ↗") : null));
    });
    this.gifts.replaceChildren(...options);
    if (options.length === 0) this.gifts.append(h("p", { class: "hint" }, "No gift link for these notes yet."));
  }

  private async check(draft: Draft, mine: number): Promise<void> {
    if (!checksAvailable) return;
    try {
      const result = await api.check({ eventId: this.view.interview.eventId, interviewerEmail: this.person.email,
        subject: draft.subject, htmlBody: draft.htmlBody });
      if (mine === this.seq) renderFindings(this.findings, result?.findings ?? []);
    } catch (error) {
      // The etiquette check is optional: a backend without it answers 404 (or 405).
      if (error instanceof ApiError && (error.status === 404 || error.status === 405)) checksAvailable = false;
    }
  }

  private markDrafted(): Promise<void> {
    return api.setStatus(this.view.interview.eventId, this.person.email, "drafted").then(() => {
      this.person.status = "drafted";
      const fresh = statusBadge(this.person.status);
      this.badge.replaceWith(fresh);
      this.badge = fresh;
    });
  }

  private async create(): Promise<void> {
    this.status.textContent = "Opening a new message…";
    const draft = await this.current();
    await createEmail({ name: this.person.name, email: this.person.email }, draft);
    await this.markDrafted();
    this.done(`New message to ${this.person.name} opened. Marked as drafted.`);
  }

  private async insert(): Promise<void> {
    this.status.textContent = "Inserting…";
    const draft = await this.current();
    await insertIntoCompose({ name: this.person.name, email: this.person.email }, draft);
    await this.markDrafted();
    this.done(`Thank-you to ${this.person.name} inserted. Marked as drafted.`);
  }

  private async copy(): Promise<void> {
    const draft = await this.current();
    if (typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
      await navigator.clipboard.write([new ClipboardItem({
        "text/html": new Blob([draft.htmlBody], { type: "text/html" }),
        "text/plain": new Blob([draft.textBody], { type: "text/plain" }),
      })]);
    } else if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(draft.textBody);
    } else {
      throw new Error("This browser doesn't allow copying here.");
    }
    this.done(`Letter to ${this.person.name} copied.`);
  }

  private async openMailApp(): Promise<void> {
    const draft = await this.current();
    const href = mailtoFor(this.person.email, draft);
    this.mailto!.href = href;
    window.location.href = href;
  }

  private done(message: string): void {
    this.status.classList.remove("failed");
    this.status.textContent = message;
  }
}

/** The backend's HTML letter inside a sandboxed frame: no scripts, no remote loads, never in the pane document. */
function letterDocument(htmlBody: string): string {
  const [text, paper, link] = paneIsDark() ? ["#ffffff", "#1f1f1f", "#479ef5"] : ["#242424", "#ffffff", "#0f6cbd"];
  return "<!doctype html><html><head><meta charset=\"utf-8\">"
    + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
    + `<style>body{font:14px/1.45 'Segoe UI',system-ui,sans-serif;color:${text};background:${paper};margin:10px}a{color:${link}}p{margin:0 0 10px}</style>`
    + `</head><body>${htmlBody}</body></html>`;
}

function paneIsDark(): boolean {
  const theme = document.documentElement.dataset.theme;
  return theme ? theme === "dark" : window.matchMedia?.("(prefers-color-scheme: dark)").matches === true;
}

export function mailtoFor(email: string, draft: Draft): string {
  const to = encodeURIComponent(email).replace(/%40/g, "@");
  return `mailto:${to}?subject=${encodeURIComponent(draft.subject)}&body=${encodeURIComponent(draft.textBody)}`;
}
