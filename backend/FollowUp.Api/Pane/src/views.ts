// Shared pieces of the pane: error panels with Retry, time phrases, status words, etiquette findings.
import { ApiError, type Finding, type FollowUpStatus } from "./api";
import { h, on } from "./dom";

export function describeError(error: unknown): { title: string; detail?: string } {
  if (error instanceof ApiError) {
    const detail = error.problem.detail;
    return { title: error.message, detail: detail && detail !== error.message ? detail : undefined };
  }
  return { title: error instanceof Error && error.message ? error.message : "Something went wrong." };
}

/** A clear message and a Retry button instead of a blank pane. */
export function errorPanel(error: unknown, retry: () => void, lead = "FollowUp couldn't load this."): HTMLElement {
  const { title, detail } = describeError(error);
  const button = on(h("button", { type: "button", class: "btn" }, "Retry"), "click", retry);
  return h("div", { class: "error", role: "alert" },
    h("p", { class: "error-lead" }, lead),
    h("p", { class: "error-title" }, title),
    detail ? h("p", { class: "error-detail" }, detail) : null,
    h("div", { class: "actions" }, button));
}

export function loading(text = "Loading…"): HTMLElement {
  return h("p", { class: "loading", role: "status" }, h("span", { class: "spinner", "aria-hidden": "true" }), text);
}

export function hoursAgo(hours: number): string {
  if (!Number.isFinite(hours) || hours < 0) return "";
  if (hours < 1) {
    const minutes = Math.max(1, Math.round(hours * 60));
    return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
  }
  if (hours < 48) {
    const whole = Math.floor(hours);
    return `${whole} hour${whole === 1 ? "" : "s"} ago`;
  }
  return `${Math.floor(hours / 24)} days ago`;
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : when.format(date);
}

const statusWords: Record<FollowUpStatus, string> = {
  due: "Follow-up due",
  "not-ended": "Not ended yet",
  none: "",
  drafted: "Drafted",
  sent: "Sent",
  dismissed: "Dismissed",
};
export function statusBadge(status: FollowUpStatus): HTMLElement {
  const text = statusWords[status] ?? "";
  return h("span", { class: `badge status-${status}`, hidden: !text }, text);
}

export function renderFindings(list: HTMLElement, findings: Finding[]): void {
  list.replaceChildren(...findings.map((finding) =>
    h("li", { class: `finding severity-${/^(error|warning|info)$/i.test(finding.severity) ? finding.severity.toLowerCase() : "info"}` },
      h("span", { class: "finding-severity" }, `${finding.severity}: `),
      finding.message,
      finding.fix ? h("span", { class: "finding-fix" }, ` ${finding.fix}`) : null)));
  list.hidden = findings.length === 0;
}
