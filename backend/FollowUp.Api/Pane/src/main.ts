// Starts the pane: waits for Office (or falls back to preview), signs in only if the backend asks, renders a surface.
import { api, useTokens, type Config } from "./api";
import { renderInterview } from "./cards";
import { h, on } from "./dom";
import { dueSection } from "./due";
import { detectSurface, officeThemeIsDark, readAppointment, supports, type Surface } from "./host";
import { errorPanel, loading } from "./views";

const OFFICE_WAIT_MS = 1500;
const main = document.getElementById("main")!;

function officeReady(): Promise<boolean> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve(false);
  // Office.onReady takes a callback and returns a promise; accept hosts that honour only one of the two.
  const ready = new Promise<boolean>((resolve) => {
    const inOutlook = () => resolve(!!Office.context?.mailbox);
    try {
      const promise = Office.onReady(inOutlook) as Promise<unknown> | undefined;
      if (promise && typeof promise.then === "function") promise.then(inOutlook, () => resolve(false));
    } catch {
      resolve(false);
    }
  });
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), OFFICE_WAIT_MS));
  return Promise.race([ready, timeout]);
}

function applyTheme(): void {
  const dark = officeThemeIsDark();
  if (dark !== null) document.documentElement.dataset.theme = dark ? "dark" : "light";
}

// Asked at once, in parallel with Office's start, so the first interview loads sooner.
let config: Promise<Config> | null = api.config();
let signedIn = false;
async function prepareBackend(): Promise<void> {
  if (signedIn) return;
  const current = await (config ??= api.config()).catch((error) => { config = null; throw error; });
  if (!current.demo && current.clientId && current.apiScope) {
    const { createTokenSource } = await import("./signin.js");
    useTokens(await createTokenSource(current, supports("NestedAppAuth", "1.1")));
  }
  signedIn = true;
}

/** Runs a load step; on failure the pane shows the reason and a Retry that runs it again. */
async function attempt(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    main.replaceChildren(errorPanel(error, () => {
      main.replaceChildren(loading());
      void attempt(work);
    }));
    main.querySelector<HTMLButtonElement>(".error button")?.focus();
  }
}

function home(surface: Surface): Promise<void> {
  main.replaceChildren(loading());
  return attempt(async () => {
    await prepareBackend();
    const open = (interview: Parameters<typeof renderInterview>[0]["interview"]) => {
      const back = on(h("button", { type: "button", class: "btn subtle back" }, "← Back"), "click", () => void home(surface));
      main.replaceChildren(back, renderInterview({ interview, surface }));
      main.querySelector<HTMLElement>("h2")?.focus();
    };
    if (surface === "appointment") {
      const event = readAppointment();
      const interview = await api.resolve(event);
      main.replaceChildren(renderInterview({ interview, event, surface }), dueSection({ surface, open }));
      performance.mark("followup:cards-ready");
    } else {
      const parts: HTMLElement[] = [];
      if (surface === "preview") {
        parts.push(h("p", { class: "notice" },
          "Preview: FollowUp isn't running inside Outlook, so letters can be copied or opened in your mail app."));
      }
      parts.push(dueSection({ surface, open }));
      main.replaceChildren(...parts);
    }
  });
}

async function start(): Promise<void> {
  const inOffice = await officeReady();
  applyTheme();
  const surface: Surface = inOffice ? detectSurface() : "preview";
  document.body.dataset.surface = surface;
  const mode = document.getElementById("mode");
  if (mode && surface === "preview") {
    mode.textContent = "Preview";
    mode.hidden = false;
  }
  await home(surface);
}

void start();
