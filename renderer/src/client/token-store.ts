const KEY = 'polyseek.accessToken';

/** The server's bearer token, kept for this browser tab's session only. */
export const tokenStore = {
  get(): string | null {
    try {
      return sessionStorage.getItem(KEY);
    } catch {
      return null; // storage disabled: the person types the token again after a reload
    }
  },
  set(token: string | null): void {
    try {
      if (token === null) sessionStorage.removeItem(KEY);
      else sessionStorage.setItem(KEY, token);
    } catch {
      // storage disabled; the token still lives in memory for this page
    }
  },
};
