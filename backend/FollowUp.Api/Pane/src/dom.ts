// Builds DOM nodes with text only: calendar, note and backend strings never pass through innerHTML.
type AttrValue = string | number | boolean | null | undefined;
export type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, AttrValue> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") el.className = String(value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return el;
}

export function on<T extends HTMLElement>(el: T, type: string, handler: (event: Event) => void): T {
  el.addEventListener(type, handler);
  return el;
}

/** Only http(s) links may become hrefs, so a stored `javascript:` URL stays inert. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

let announcer: HTMLElement | null = null;

/** Polite screen-reader announcement for async results. */
export function announce(message: string): void {
  announcer ??= document.getElementById("announcer");
  if (!announcer) return;
  announcer.textContent = "";
  // A fresh text node after clearing makes screen readers repeat identical messages.
  setTimeout(() => announcer && (announcer.textContent = message), 30);
}

let idCounter = 0;
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
