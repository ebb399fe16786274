// The Outlook side: which surface the pane runs on, reading the appointment, and writing mail.
import type { Draft, EventBody, Party } from "./api";

export type Surface = "appointment" | "compose" | "outlook" | "preview";

export function mailbox(): Office.Mailbox | null {
  return typeof Office !== "undefined" && Office.context && Office.context.mailbox ? Office.context.mailbox : null;
}

export function supports(set: string, version: string): boolean {
  try {
    return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
}

export function detectSurface(): Surface {
  const box = mailbox();
  if (!box) return "preview";
  const item = box.item as (Office.Item & Record<string, unknown>) | undefined;
  if (!item) return "outlook";
  // Read-mode properties are plain values; compose-mode ones are objects with getAsync.
  const composing = typeof item.subject === "object" && item.subject !== null;
  // Office.MailboxEnums.ItemType values are the strings "appointment" and "message".
  const type = String(item.itemType ?? "").toLowerCase();
  if (type === "appointment" && !composing) return "appointment";
  if (type === "message" && composing) return "compose";
  return "outlook";
}

export function senderName(): string | undefined {
  return mailbox()?.userProfile?.displayName || undefined;
}

const party = (d: Office.EmailAddressDetails | undefined): Party => ({ name: d?.displayName ?? "", email: d?.emailAddress ?? "" });

/** The open appointment as the resolve body; the Graph id comes from the EWS item id. */
export function readAppointment(): EventBody {
  const box = mailbox()!;
  const item = box.item as Office.AppointmentRead;
  let eventId: string | undefined;
  try {
    if (item.itemId) eventId = box.convertToRestId(item.itemId, Office.MailboxEnums?.RestVersion?.v2_0 ?? ("v2.0" as Office.MailboxEnums.RestVersion));
  } catch {
    eventId = undefined;
  }
  const location = typeof item.location === "string" ? item.location : null;
  return {
    eventId,
    subject: item.subject ?? "",
    start: new Date(item.start).toISOString(),
    end: new Date(item.end).toISOString(),
    location,
    organizer: party(item.organizer),
    attendees: [
      ...(item.requiredAttendees ?? []).map((a) => ({ ...party(a), type: "required" as const })),
      ...(item.optionalAttendees ?? []).map((a) => ({ ...party(a), type: "optional" as const })),
    ],
  };
}

function call<T>(start: (done: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    start((result) =>
      // Office.AsyncResultStatus.Succeeded is the string "succeeded".
      String(result?.status).toLowerCase() === "succeeded"
        ? resolve(result.value)
        : reject(new Error(result.error?.message || "Outlook could not complete the request."))));
}

const SUBJECT_LIMIT = 255;
const BODY_LIMIT = 32 * 1024;

/** Opens one new-message form addressed to one interviewer (1.9 async form when available, else 1.6). */
export async function createEmail(to: Party, draft: Draft): Promise<void> {
  const box = mailbox()!;
  const html = new Blob([draft.htmlBody]).size <= BODY_LIMIT ? draft.htmlBody : undefined;
  if (!html) throw new Error("This letter is too long for a new Outlook message; shorten the notes.");
  const recipient: Office.EmailAddressDetails = { displayName: to.name, emailAddress: to.email } as Office.EmailAddressDetails;
  const form = { toRecipients: [recipient], subject: draft.subject.slice(0, SUBJECT_LIMIT), htmlBody: html };
  const hasAsync = typeof box.displayNewMessageFormAsync === "function";
  if (hasAsync && (supports("Mailbox", "1.9") || typeof box.displayNewMessageForm !== "function")) {
    await call<void>((done) => box.displayNewMessageFormAsync(form, done));
  } else {
    box.displayNewMessageForm(form);
  }
}

/** Inserts the letter at the cursor (keeping the signature), filling subject and To only when empty. */
export async function insertIntoCompose(to: Party, draft: Draft): Promise<{ subjectSet: boolean; recipientAdded: boolean }> {
  const item = mailbox()!.item as Office.MessageCompose;
  // Office.CoercionType values are the strings "html" and "text".
  const html = (Office.CoercionType?.Html ?? "html") as Office.CoercionType;
  const text = (Office.CoercionType?.Text ?? "text") as Office.CoercionType;
  const bodyType = await call<Office.CoercionType>((done) => item.body.getTypeAsync(done)).catch(() => html);
  if (String(bodyType).toLowerCase() === "text") {
    await call<void>((done) => item.body.setSelectedDataAsync(draft.textBody, { coercionType: text }, done));
  } else {
    await call<void>((done) => item.body.setSelectedDataAsync(draft.htmlBody, { coercionType: html }, done));
  }
  const subject = await call<string>((done) => item.subject.getAsync(done));
  let subjectSet = false;
  if (!subject || !subject.trim()) {
    await call<void>((done) => item.subject.setAsync(draft.subject.slice(0, SUBJECT_LIMIT), done));
    subjectSet = true;
  }
  const recipients = await call<Office.EmailAddressDetails[]>((done) => item.to.getAsync(done));
  let recipientAdded = false;
  if (!recipients || recipients.length === 0) {
    await call<void>((done) => item.to.addAsync([{ displayName: to.name, emailAddress: to.email } as Office.EmailAddressDetails], done));
    recipientAdded = true;
  }
  return { subjectSet, recipientAdded };
}

/** Dark when Office's body background is dark; null when Office gives no theme. */
export function officeThemeIsDark(): boolean | null {
  try {
    const color = typeof Office !== "undefined" ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
    if (!color) return null;
    const hex = color.replace("#", "");
    if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
  } catch {
    return null;
  }
}

/** The user's time zone, so the letter names the interview's day as they saw it. */
export function timeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
