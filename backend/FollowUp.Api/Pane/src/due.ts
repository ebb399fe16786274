// "Follow-ups due": freshest first, overdue count, Dismiss, open an interview, and quick insert in compose.
import { api, type DueFollowUp, type Interview, type InterviewerInfo } from "./api";
import { announce, h, on, uid } from "./dom";
import { insertIntoCompose, senderName, timeZone, type Surface } from "./host";
import { describeError, errorPanel, hoursAgo, loading, renderFindings } from "./views";

export interface DueListOptions {
  surface: Surface;
  open: (interview: Interview) => void;
}

export function asInterview(item: DueFollowUp): Interview {
  return { eventId: item.eventId, subject: item.subject, start: item.start, end: item.end, company: item.company,
    role: item.role, isInterview: true, interviewers: item.interviewers, followUp: "due" };
}

/** A section that loads itself and offers Retry when the backend fails. */
export function dueSection(options: DueListOptions): HTMLElement {
  const headingId = uid("due");
  const overdue = h("span", { class: "badge overdue", hidden: true });
  const body = h("div", { class: "due-body" }, loading("Loading follow-ups…"));
  const section = h("section", { class: "due", "aria-labelledby": headingId },
    h("div", { class: "section-head" }, h("h2", { id: headingId }, "Follow-ups due"), overdue),
    body);

  const load = async (): Promise<void> => {
    body.replaceChildren(loading("Loading follow-ups…"));
    try {
      const items = (await api.due()) ?? [];
      items.sort((a, b) => a.hoursSinceEnd - b.hoursSinceEnd);
      show(items);
    } catch (error) {
      body.replaceChildren(errorPanel(error, () => void load(), "Follow-ups couldn't be loaded."));
    }
  };

  const show = (items: DueFollowUp[]): void => {
    const late = items.filter((item) => item.overdue).length;
    overdue.hidden = late === 0;
    overdue.textContent = `${late} overdue`;
    if (items.length === 0) {
      body.replaceChildren(h("p", { class: "empty" }, "No follow-ups are due. Nice work."));
      return;
    }
    const list = h("ul", { class: "due-list" });
    for (const item of items) list.append(dueItem(item, options, () => show(items.filter((other) => other !== item))));
    body.replaceChildren(list);
  };

  void load();
  return section;
}

function dueItem(item: DueFollowUp, options: DueListOptions, removed: () => void): HTMLElement {
  const status = h("p", { class: "card-status", role: "status" });
  const findings = h("ul", { class: "findings", "aria-label": "Etiquette check", hidden: true });
  const open = on(h("button", { type: "button", class: "link" }, item.subject || "(no subject)"), "click",
    () => options.open(asInterview(item)));
  const meta = [item.company, item.role].filter(Boolean).join(" · ");
  const names = item.interviewers.map((person) => person.name).join(", ");

  const dismiss = on(h("button", { type: "button", class: "btn", "aria-label": `Dismiss follow-up: ${item.subject}` }, "Dismiss"),
    "click", async () => {
      dismiss.disabled = true;
      try {
        const waiting = item.interviewers.filter((person) => person.status === "due");
        for (const person of waiting.length ? waiting : item.interviewers) {
          await api.setStatus(item.eventId, person.email, "dismissed");
        }
        announce(`Follow-up for ${item.subject} dismissed.`);
        removed();
      } catch (error) {
        dismiss.disabled = false;
        status.textContent = describeError(error).title;
      }
    });

  const actions = h("div", { class: "actions" });
  if (options.surface === "compose") {
    for (const person of item.interviewers.filter((p) => p.status === "due")) {
      const button = h("button", { type: "button", class: "btn primary" },
        `Insert thank-you to ${person.firstName || person.name}`);
      on(button, "click", () => void quickInsert(item, person, button, status, findings));
      actions.append(button);
    }
  }
  actions.append(dismiss);

  return h("li", { class: `due-item${item.overdue ? " is-overdue" : ""}` },
    h("div", { class: "due-title" }, open, item.overdue ? h("span", { class: "badge overdue" }, "Overdue") : null),
    meta ? h("p", { class: "meta" }, meta) : null,
    h("p", { class: "meta" }, [hoursAgo(item.hoursSinceEnd), names].filter(Boolean).join(" · ")),
    actions, findings, status);
}

async function quickInsert(item: DueFollowUp, person: InterviewerInfo, button: HTMLButtonElement,
  status: HTMLElement, findings: HTMLElement): Promise<void> {
  if (button.getAttribute("aria-disabled") === "true") return;
  button.setAttribute("aria-disabled", "true");
  status.textContent = `Drafting the thank-you to ${person.name}…`;
  try {
    const draft = await api.draft({ eventId: item.eventId, interviewerEmail: person.email, senderName: senderName(), timeZone: timeZone() });
    try {
      const result = await api.check({ eventId: item.eventId, interviewerEmail: person.email, subject: draft.subject, htmlBody: draft.htmlBody });
      renderFindings(findings, result?.findings ?? []);
    } catch { /* the etiquette check is optional */ }
    await insertIntoCompose({ name: person.name, email: person.email }, draft);
    await api.setStatus(item.eventId, person.email, "drafted");
    person.status = "drafted";
    status.textContent = `Thank-you to ${person.name} inserted. Marked as drafted.`;
  } catch (error) {
    const { title, detail } = describeError(error);
    status.textContent = detail ? `${title} ${detail}` : title;
  } finally {
    button.removeAttribute("aria-disabled");
  }
}
