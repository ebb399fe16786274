// Loaded lazily (own chunk) only when the backend needs sign-in: nested app auth, else Office SSO, else a popup.
import {
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import type { Config, TokenSource } from "./api";

/** `nested`: the host supports NestedAppAuth 1.1 (checked by the caller, so this chunk shares no code with the pane). */
export async function createTokenSource(config: Config, nested: boolean): Promise<TokenSource> {
  const scopes = [config.apiScope!];
  const msalConfig = {
    auth: {
      clientId: config.clientId!,
      authority: config.authority || "https://login.microsoftonline.com/common",
      redirectUri: `${location.origin}/pane/taskpane.html`,
    },
    cache: { cacheLocation: "localStorage" },
  };
  let app: IPublicClientApplication | null = nested ? await createNestablePublicClientApplication(msalConfig) : null;
  const standard = async (): Promise<IPublicClientApplication> => {
    if (!app) {
      app = await createStandardPublicClientApplication(msalConfig);
      await app.handleRedirectPromise().catch(() => null);
    }
    return app;
  };

  const viaMsal = async (client: IPublicClientApplication, interactive: boolean, claims?: string): Promise<string> => {
    const account = client.getActiveAccount() ?? client.getAllAccounts()[0];
    if (!interactive) {
      try {
        const result = await client.acquireTokenSilent({ scopes, account });
        return result.accessToken;
      } catch {
        /* fall through to interaction */
      }
    }
    const result = await client.acquireTokenPopup({ scopes, claims, account });
    client.setActiveAccount(result.account);
    return result.accessToken;
  };

  return async (options) => {
    const interactive = !!options?.interactive;
    if (nested && app) return viaMsal(app, interactive, options?.claims);
    // Legacy Office SSO (no claims support), then an MSAL popup outside Office or when SSO is refused.
    if (!options?.claims && typeof Office !== "undefined" && Office.auth?.getAccessToken) {
      try {
        return await Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false });
      } catch {
        /* fall back to MSAL */
      }
    }
    return viaMsal(await standard(), interactive, options?.claims);
  };
}
