// TOTP codes as an authenticator app makes them (RFC 6238: HMAC-SHA1, 6 digits, 30 s), for tests.
import { createHmac } from "node:crypto";

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32Decode(text) {
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of text.replace(/[\s=-]/g, "").toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The code for a base32 secret at a unix time in seconds (default: now). */
export function totp(secret, seconds = Date.now() / 1000) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(seconds / 30)));
  const mac = createHmac("sha1", base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 1_000_000).padStart(6, "0");
}

/** Reads the key from the set-up page ("ABCD EFGH ..."). */
export function secretFrom(html) {
  const m = html.match(/<code class="rt-secret">([A-Z2-7 ]+)<\/code>/);
  if (!m) throw new Error("no key on the set-up page");
  return m[1].replace(/ /g, "");
}

/** Reads the recovery codes from the page that shows them. */
export function recoveryCodesFrom(html) {
  return [...html.matchAll(/<li><code>([a-z2-7]{5}-[a-z2-7]{5})<\/code><\/li>/g)].map((m) => m[1]);
}

/** The key of the demo organisation admins' two-step sign-in (src/app/demo_data.hpp). */
export const demoTwoStepSecret = "ROUNDTABLEDEMOADMINSTWOSTEPKEYAA";

const lastStep = new Map();
/**
 * A code for the demo key that the server has not seen yet for this account (each code works once; the server
 * takes one step of drift either way). Waits for the clock when the steps it may use are used up.
 */
export async function freshDemoCode(account) {
  for (;;) {
    const code = demoCodeNow(account);
    if (code) return code;
    const step = (lastStep.get(account) ?? 0) + 1;
    await new Promise((r) => setTimeout(r, (step - 1) * 30_000 - Date.now() + 50));
  }
}

/** Like freshDemoCode, but null at once when the steps the server would take now are used up for this account. */
export function demoCodeNow(account) {
  const current = Math.floor(Date.now() / 1000 / 30);
  // Not the step before: when the clock crosses a step while the request travels, the server would be two steps
  // ahead of such a code and refuse it (seen as a sign-in answering 400 now and then).
  const step = Math.max(current, (lastStep.get(account) ?? 0) + 1);
  if (step > current + 1) return null;
  lastStep.set(account, step);
  return totp(demoTwoStepSecret, step * 30);
}
