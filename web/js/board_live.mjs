// A board's cards change for everyone looking at it without reloading, as an enhancement of the board page (which
// works the same without it). The page says where to listen (data-rt-board-live on its lists) and what to say, in the
// reader's language (data-text-changed). The server's events say only that a card changed: the script then asks for
// the board page as an ordinary GET, with the reader's own filters, so the server decides what they may see and do,
// and puts its lists in place of the ones shown. Focus stays where it was: on the same card's same control, found
// again in the new lists (or, for a card now past the first few its list shows, on the list's link to all its cards). After a dropped connection EventSource comes back by itself, and the script fetches the
// board again in case it missed something.

function keyOf(element) {
  // A control is known by its card (the form's action, or the link's address) and what it does (its name and value).
  if (element.id) return `#${element.id}`;
  const form = element.closest("form");
  const where = form ? form.getAttribute("action") : element.getAttribute("href");
  return `${element.tagName}|${where}|${element.getAttribute("name") ?? ""}|${element.getAttribute("value") ?? ""}`;
}

// Each list's "Add a card" form carries a random key made for that page (the same form sent twice makes one card), so
// two pages of an unchanged board differ in those keys alone: the lists are compared without them, and an unchanged
// board is left as it is (with the keys it has, which stay good). The form token (data-rt-csrf and the forms'
// csrf_token) is the session's and the same on every page. What the drag script (board_drag.mjs) adds to the lists
// shown (cards and links made draggable or not, the drop marker, the classes of a drag under way) is not in a page
// from the server either, so it is left out of the comparison too.
function comparable(root) {
  const copy = root.cloneNode(true);
  for (const key of copy.querySelectorAll('input[name="create_key"]')) key.removeAttribute("value");
  for (const element of copy.querySelectorAll("[draggable]")) element.removeAttribute("draggable");
  for (const marker of copy.querySelectorAll(".rt-drop-marker")) marker.remove();
  for (const element of copy.querySelectorAll(".rt-dragging, .rt-drop-target")) {
    element.classList.remove("rt-dragging", "rt-drop-target");
    if (!element.classList.length) element.removeAttribute("class");
  }
  return copy.innerHTML;
}

function findByKey(root, key) {
  if (key.startsWith("#")) return root.querySelector(key);
  for (const element of root.querySelectorAll("a, button, input, select, textarea, summary, [tabindex]")) {
    if (keyOf(element) === key) return element;
  }
  return null;
}

function listLink(root, listId) {
  if (!listId) return null;
  const list = [...root.querySelectorAll("[data-rt-list]")].find((l) => l.getAttribute("data-rt-list") === listId);
  const links = list ? [...list.querySelectorAll(`a[href$="/lists/${listId}"]`)] : [];
  return links.at(-1) ?? null;
}

export function startBoardLive() {
  const lists = document.querySelector("[data-rt-board-live]");
  const status = document.querySelector("[data-rt-live-status]");
  if (!lists || !status || typeof window.EventSource !== "function" || typeof window.DOMParser !== "function") return;
  let source = null;
  let heard = false;
  let timer = null;
  let work = Promise.resolve();

  function say(text) {
    // Emptied first, so the same words said twice are announced twice.
    status.textContent = "";
    setTimeout(() => {
      status.textContent = text;
    }, 100);
  }

  async function refresh() {
    const res = await fetch(window.location.pathname + window.location.search, {
      credentials: "same-origin",
      headers: { Accept: "text/html" },
    });
    if (!res.ok) return;
    const doc = new DOMParser().parseFromString(await res.text(), "text/html");
    const fresh = doc.getElementById("board-lists");
    if (!fresh) return;
    const current = document.getElementById("board-lists");
    if (!current || comparable(current) === comparable(fresh)) return;
    // Someone typing in a field (a new card's title) keeps what they typed: the board waits for the next change.
    const active = document.activeElement;
    if (active && current.contains(active) && (active.tagName === "INPUT" || active.tagName === "TEXTAREA")) return;
    const key = active && current.contains(active) ? keyOf(active) : null;
    const listId = key ? active.closest("[data-rt-list]")?.getAttribute("data-rt-list") : null;
    current.innerHTML = fresh.innerHTML;
    // A list on the board shows only its first few cards (ADR 0046): a card pushed past them by someone else's change
    // is no longer there, so focus goes to its list's last link to its own page ("See all 8 cards in Ideas").
    if (key) (findByKey(current, key) ?? listLink(current, listId))?.focus();
    // The reader's own drag (board_drag.mjs) has said what it did: their change is not news to them.
    if (Number(lists.dataset.rtQuietUntil ?? 0) > Date.now()) return;
    say(lists.dataset.textChanged ?? "");
  }

  function soon() {
    // A burst of changes (someone moving a card several places) is one fetch.
    clearTimeout(timer);
    timer = setTimeout(() => {
      work = work.then(refresh).catch(() => {});
    }, 300);
  }

  function open() {
    if (source) return;
    source = new EventSource(lists.dataset.rtBoardLive);
    source.addEventListener("ready", () => {
      if (heard) soon();
      heard = true;
    });
    source.addEventListener("card", soon);
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
