// New replies and reactions on a topic appear without reloading, as an enhancement of the topic page (which works the
// same without it). The page says where to listen (data-rt-live on its replies, only on the last page, where new
// replies appear) and the words to say, in the reader's language (data-text-*). The server's events carry only a
// post's number: the script then asks for the topic page as an ordinary GET, so the server decides what the reader may
// see and how it looks to them (their own reactions pressed), and takes the posts from it. New replies are announced
// in a polite live region. After a dropped connection EventSource comes back by itself, and the script fetches what
// came after the last post it shows.

function numberOf(element) {
  return Number(element.id.replace("post-", "")) || 0;
}

function lastNumber() {
  let last = 0;
  for (const post of document.querySelectorAll("[id^='post-']")) last = Math.max(last, numberOf(post));
  return last;
}

export function startLive() {
  const replies = document.querySelector("[data-rt-live]");
  const status = document.querySelector("[data-rt-live-status]");
  if (!replies || !status || typeof window.EventSource !== "function" || typeof window.DOMParser !== "function") return;
  const topicUrl = replies.dataset.rtLive.replace(/\/live$/, "");
  const rules = new Intl.PluralRules(document.documentElement.lang || "en");
  let source = null;
  let heard = false;
  let work = Promise.resolve();
  let newPending = false;

  function say(text) {
    // Emptied first, so the same words said twice are announced twice.
    status.textContent = "";
    setTimeout(() => {
      status.textContent = text;
    }, 100);
  }

  function newReplies(n) {
    const category = rules.select(n);
    const key = `textNew${category[0].toUpperCase()}${category.slice(1)}`;
    return (replies.dataset[key] ?? replies.dataset.textNewOther ?? "").replace("{n}", String(n));
  }

  async function page(after) {
    const res = await fetch(`${topicUrl}?after=${after}`, { credentials: "same-origin", headers: { Accept: "text/html" } });
    if (!res.ok) throw new Error(`topic page: ${res.status}`);
    return new DOMParser().parseFromString(await res.text(), "text/html");
  }

  async function fetchNew() {
    newPending = false;
    const last = lastNumber();
    const doc = await page(last);
    const fresh = [...doc.querySelectorAll("#replies > [id^='post-']")].filter((p) => numberOf(p) > last);
    if (fresh.length === 0) return;
    replies.querySelector("[data-rt-live-empty]")?.remove();
    for (const post of fresh) replies.append(document.adoptNode(post));
    say(newReplies(fresh.length));
  }

  async function refresh(n, announce) {
    const mine = document.getElementById(`post-${n}`);
    // Not on this page, or the reader is using it right now: replacing it would take their focus away.
    if (!mine || mine.contains(document.activeElement)) return;
    const doc = await page(n > 1 ? n - 1 : 0);
    const theirs = doc.getElementById(`post-${n}`);
    if (!theirs) return;
    mine.replaceWith(document.adoptNode(theirs));
    if (announce) say(replies.dataset.textChanged ?? "");
  }

  function queue(job) {
    work = work.then(job).catch(() => {});
  }

  function queueNew() {
    if (newPending) return;
    newPending = true;
    queue(fetchNew);
  }

  function numberIn(event) {
    try {
      return Number(JSON.parse(event.data).number) || 0;
    } catch {
      return 0;
    }
  }

  function open() {
    if (source) return;
    source = new EventSource(replies.dataset.rtLive);
    source.addEventListener("ready", () => {
      // Heard before: the connection came back (or the page came back from the history), so some may be missed.
      if (heard) queueNew();
      heard = true;
    });
    source.addEventListener("post", queueNew);
    source.addEventListener("changed", (e) => {
      const n = numberIn(e);
      if (n) queue(() => refresh(n, true));
    });
    source.addEventListener("reactions", (e) => {
      const n = numberIn(e);
      if (n) queue(() => refresh(n, false));
    });
    source.addEventListener("reload", () => {
      close();
      say(replies.dataset.textReload ?? "");
    });
    source.addEventListener("error", () => {
      // Refused (signed out, no longer in the group): EventSource gives up, and so does the page.
      if (source?.readyState === EventSource.CLOSED) close();
    });
  }

  function close() {
    source?.close();
    source = null;
  }

  window.addEventListener("pagehide", close);
  window.addEventListener("pageshow", (e) => {
    if (e.persisted) open();
  });
  open();
}
