// The backend contract (JSON camelCase, ISO 8601 UTC times, errors as ProblemDetails).
export interface Config { demo: boolean; clientId: string | null; apiScope: string | null; authority: string | null; }
export type FollowUpStatus = "due" | "not-ended" | "none" | "drafted" | "sent" | "dismissed";
export interface InterviewerInfo { name: string; firstName: string; email: string; status: FollowUpStatus; }
export interface Interview {
  eventId: string; subject: string; start: string; end: string; company: string | null; role: string | null;
  confidence?: number; reasons?: string[]; kind?: string; location?: string | null; isInterview: boolean;
  interviewers: InterviewerInfo[]; followUp?: FollowUpStatus;
}
export interface Party { name: string; email: string; }
export interface EventBody {
  eventId?: string; subject: string; start: string; end: string; location?: string | null;
  organizer: Party; attendees: (Party & { type: "required" | "optional" | "resource" })[];
}
export interface DueFollowUp {
  eventId: string; subject: string; company: string | null; role: string | null; start: string; end: string;
  hoursSinceEnd: number; overdue: boolean; interviewers: InterviewerInfo[];
}
export interface InterestFound { topic: string; evidence?: string; }
export interface GiftLink { title: string; url: string; why?: string; kind?: string; }
export interface Draft {
  to: Party[]; subject: string; htmlBody: string; textBody: string;
  interests: InterestFound[]; gifts: GiftLink[]; gift: GiftLink | null;
}
export interface DraftRequest {
  eventId: string; interviewerEmail: string; notes?: string; senderName?: string; giftUrl?: string; timeZone?: string; event?: EventBody;
}
export interface Finding { severity: string; code: string; message: string; fix?: string; }
export interface ProblemDetails { title?: string; detail?: string; status?: number; }

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: ProblemDetails) {
    super(problem.title || `The server answered ${status}.`);
  }
}

/** Token source: `interactive` after the API asked for consent or extra claims. */
export type TokenSource = (options?: { interactive?: boolean; claims?: string }) => Promise<string | null>;
let tokens: TokenSource | null = null;
export function useTokens(source: TokenSource | null): void { tokens = source; }

/** Reads a claims challenge (conditional access, consent) from a 401's WWW-Authenticate header. */
export function challengeFrom(header: string | null): { claims?: string } | null {
  if (!header) return null;
  const claims = /claims="([^"]+)"/i.exec(header)?.[1];
  if (claims) {
    let decoded = claims;
    if (!claims.trim().startsWith("{")) {
      try { decoded = atob(claims); } catch { /* already plain */ }
    }
    return { claims: decoded };
  }
  return /insufficient_claims|interaction_required|consent_required/i.test(header) ? {} : null;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const send = async (auth?: { interactive?: boolean; claims?: string }): Promise<Response> => {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (tokens) {
      const token = await tokens(auth);
      if (token) headers.Authorization = `Bearer ${token}`;
    }
    return fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  };
  let response: Response;
  try {
    response = await send();
    if (response.status === 401 && tokens) {
      const challenge = challengeFrom(response.headers.get("WWW-Authenticate"));
      if (challenge) response = await send({ interactive: true, claims: challenge.claims });
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, { title: "FollowUp can't be reached.", detail: "Check your connection, then try again." });
  }
  if (!response.ok) {
    let problem: ProblemDetails = {};
    try { problem = (await response.json()) as ProblemDetails; } catch { /* not JSON */ }
    throw new ApiError(response.status, {
      title: typeof problem.title === "string" ? problem.title : `The server answered ${response.status}.`,
      detail: typeof problem.detail === "string" ? problem.detail : undefined,
      status: response.status,
    });
  }
  const text = response.status === 204 ? "" : await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  config: () => request<Config>("GET", "/api/config"),
  resolve: (event: EventBody) => request<Interview>("POST", "/api/interviews/resolve", event),
  due: () => request<DueFollowUp[]>("GET", "/api/followups/due"),
  draft: (body: DraftRequest) => request<Draft>("POST", "/api/drafts", body),
  check: (body: { eventId: string; interviewerEmail: string; subject: string; htmlBody: string }) =>
    request<{ findings: Finding[] }>("POST", "/api/drafts/check", body),
  setStatus: (eventId: string, email: string, status: FollowUpStatus) =>
    request<void>("PUT", `/api/followups/${encodeURIComponent(eventId)}/${encodeURIComponent(email)}/status`, { status }),
};
