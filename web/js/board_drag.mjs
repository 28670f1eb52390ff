// Dragging a card with a mouse to another place in its list or to another list: an extra for people who like to drag,
// never the only way (WCAG 2.5.7). Every card keeps its buttons and its "Move the card" form, which work by keyboard
// and without this script; there is no keyboard dragging. The page says where dragging is on (data-rt-board-drag on
// #board-lists, only for people who may move cards and only while every card shows in its place), gives its form
// token and what to say in the reader's language (data-text-moved, data-text-move-failed). A drop sends the same POST
// as the card's "Move the card" form (list and position) to the card's /move: the server's move and its rules decide
// where the card ends up. The answer is the card's list page, where the card now is: the script reads the card's place
// there, shows the page's lists as they are now and says "Moved “X” to position 3 in “Ideas”" in the polite live
// region. When the move fails the card goes back where it was, and the region says so.

const kCard = "[data-rt-card]";
const kList = "[data-rt-list]";

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (all, name) => values[name] ?? all);
}

function titleOf(card) {
  return card.querySelector(".govuk-summary-card__title a")?.textContent.trim() ?? "";
}

export function startBoardDrag() {
  const lists = document.getElementById("board-lists");
  const status = document.querySelector("[data-rt-live-status]");
  if (!lists || !status || !lists.hasAttribute("data-rt-board-drag")) return;
  if (typeof window.DOMParser !== "function" || !("draggable" in document.createElement("div"))) return;
  let dragged = null;
  let busy = false;
  const marker = document.createElement("div");
  marker.className = "rt-drop-marker";
  marker.setAttribute("aria-hidden", "true");

  function say(text) {
    status.textContent = "";
    setTimeout(() => {
      status.textContent = text;
    }, 100);
  }

  // Cards come and go as the live script puts the board as it is now in place: each one is made draggable when seen.
  function mark() {
    for (const card of lists.querySelectorAll(kCard)) {
      if (card.getAttribute("draggable") !== "true") card.setAttribute("draggable", "true");
    }
    // A card's title link would be dragged as a link instead of the card.
    for (const link of lists.querySelectorAll(`${kCard} a`)) link.setAttribute("draggable", "false");
  }
  mark();
  new MutationObserver((records) => {
    // The drop marker coming and going is no new card.
    if (records.every((r) => [...r.addedNodes, ...r.removedNodes].every((n) => n === marker))) return;
    mark();
  }).observe(lists, { childList: true, subtree: true });

  function clearTargets() {
    marker.remove();
    for (const t of lists.querySelectorAll(".rt-drop-target")) t.classList.remove("rt-drop-target");
  }

  /** Where a drop at clientY in `list` puts the card: the card it goes before (null: after the last), and its position.
   * A list on the board shows its first few cards in order (ADR 0046), so a card's place among them is its position;
   * dropped after the last one shown, it goes just after it, before the cards the list's own page shows. */
  function placeIn(list, clientY) {
    const cards = [...list.querySelectorAll(kCard)].filter((c) => c.dataset.rtCard !== dragged.dataset.rtCard);
    for (let i = 0; i < cards.length; i++) {
      const box = cards[i].getBoundingClientRect();
      if (clientY < box.top + box.height / 2) return { before: cards[i], position: i + 1, cards };
    }
    return { before: null, position: cards.length + 1, cards };
  }

  lists.addEventListener("dragstart", (e) => {
    const card = e.target instanceof Element ? e.target.closest(kCard) : null;
    if (!card || busy) {
      if (card) e.preventDefault();
      return;
    }
    dragged = card;
    e.dataTransfer.effectAllowed = "move";
    // Some browsers start a drag only with data in it.
    e.dataTransfer.setData("text/plain", titleOf(card));
    card.classList.add("rt-dragging");
  });

  lists.addEventListener("dragend", () => {
    dragged?.classList.remove("rt-dragging");
    dragged = null;
    clearTargets();
  });

  lists.addEventListener("dragover", (e) => {
    if (!dragged) return;
    const target = e.target instanceof Element ? e.target.closest(kList) : null;
    if (!target) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    clearTargets();
    target.classList.add("rt-drop-target");
    if (target.hasAttribute("data-rt-list-end")) return;
    const { before, cards } = placeIn(target, e.clientY);
    if (before) before.before(marker);
    else if (cards.length > 0) cards[cards.length - 1].after(marker);
    else (target.querySelector("form") ?? target.lastChild)?.before(marker);
  });

  lists.addEventListener("dragleave", (e) => {
    if (!lists.contains(e.relatedTarget)) clearTargets();
  });

  lists.addEventListener("drop", (e) => {
    if (!dragged) return;
    const target = e.target instanceof Element ? e.target.closest(kList) : null;
    if (!target) return;
    e.preventDefault();
    // The live script may have put the lists as they are now in place during the drag: the card is then its new copy.
    const card = dragged.isConnected
      ? dragged
      : lists.querySelector(`${kCard}[data-rt-card="${dragged.dataset.rtCard}"]`);
    if (!card) {
      clearTargets();
      return;
    }
    const from = card.closest(kList);
    const toEnd = target.hasAttribute("data-rt-list-end");
    const { position } = toEnd ? { position: 9999 } : placeIn(target, e.clientY);
    // Dropped where it was: nothing to do.
    if (!toEnd && target === from) {
      const now = [...from.querySelectorAll(kCard)].indexOf(card) + 1;
      if (now === position) {
        clearTargets();
        return;
      }
    }
    // Shown at once where it was dropped; put back if the server says no.
    const back = { parent: card.parentNode, next: card.nextSibling };
    if (toEnd) card.remove();
    else marker.replaceWith(card);
    clearTargets();
    move(card, target.dataset.rtList, position, back);
  });

  function showLists(doc) {
    const fresh = doc.getElementById("board-lists");
    if (fresh) lists.innerHTML = fresh.innerHTML;
  }

  async function fetchPage(url) {
    const res = await fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } });
    if (!res.ok) throw new Error(`${res.status}`);
    return new DOMParser().parseFromString(await res.text(), "text/html");
  }

  async function move(card, listId, position, back) {
    busy = true;
    const id = card.dataset.rtCard;
    const title = titleOf(card);
    const link = card.querySelector(".govuk-summary-card__title a");
    // The live script hears of this change too: it shows the lists again without saying "The board has changed".
    lists.dataset.rtQuietUntil = String(Date.now() + 5000);
    try {
      const body = new URLSearchParams({ csrf_token: lists.dataset.rtCsrf ?? "", list: listId, position: String(position) });
      const res = await fetch(`${link.getAttribute("href")}/move`, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { Accept: "text/html" },
      });
      // Moved: the server answers with the card on its list's page (a 303 the browser followed).
      const to = new URL(res.url);
      if (!res.ok || !res.redirected || !/\/lists\/\d+$/.test(to.pathname)) throw new Error(`${res.status}`);
      const doc = new DOMParser().parseFromString(await res.text(), "text/html");
      const there = doc.querySelector(`${kCard}[data-rt-card="${id}"]`);
      const list = there?.closest(kList);
      if (!there || !list) throw new Error("not found");
      const place = [...list.querySelectorAll(kCard)].indexOf(there) + 1;
      const here = window.location.pathname + window.location.search;
      showLists(to.pathname + to.search === here ? doc : await fetchPage(here));
      say(fill(lists.dataset.textMoved ?? "", { card: title, position: String(place), list: list.dataset.rtListTitle ?? "" }));
    } catch {
      if (back.parent?.isConnected) back.parent.insertBefore(card, back.next?.parentNode === back.parent ? back.next : null);
      say(fill(lists.dataset.textMoveFailed ?? "", { card: title }));
      // And the lists as the server has them, in case they changed meanwhile.
      try {
        showLists(await fetchPage(window.location.pathname + window.location.search));
      } catch {
        // Offline: the card is back where it was.
      }
    } finally {
      busy = false;
    }
  }
}
