// Email in (ADR 0025) with real mail on both databases: Roundtable's email about a reply goes to a real SMTP sink with
// a signed Reply-To; the answer is sent back over a real SMTP conversation to a loopback mail exchanger that pipes
// each accepted message into `roundtable receive-mail`, exactly as Postfix's pipe transport would (exit status to
// SMTP reply); it appears in the topic as the person, without the quoted original or the signature, once however
// often it is delivered. A forged address and another sender are refused at SMTP time and nothing is posted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer, connect } from "node:net";
import { startServer, Visitor, demo, backendName, usingPostgres, binary, runCli, tempDir } from "./harness.mjs";
import { rmSync } from "node:fs";
import { startSmtpSink, plainText } from "./smtp.mjs";
import { discussionIds } from "./matrices/discussions.mjs";

const replyDomain = "reply.roundtable.test";
let sink, server, mx;

/** Runs `roundtable receive-mail` with the message on stdin, as a pipe transport does; resolves to {code, stderr}. */
function pipeToRoundtable(recipient, message) {
  return new Promise((resolve) => {
    const args = ["receive-mail", "--recipient", recipient, "--database", server.database.url, "--data-dir",
      server.dataDir, "--mail-reply-domain", replyDomain, "--base-url", server.url];
    const child = spawn(binary, args, { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.resume();
    child.on("exit", (code) => resolve({ code, stderr }));
    child.stdin.end(message);
  });
}

/** A loopback SMTP server for the reply domain: each accepted message goes to receive-mail, one per recipient. */
function startMailExchanger() {
  const deliveries = [];
  const server = createServer((socket) => {
    let buffer = "";
    let inData = false;
    let recipients = [];
    const reply = (line) => socket.write(line + "\r\n");
    reply(`220 mx.${replyDomain} ESMTP`);
    socket.on("data", async (chunk) => {
      buffer += chunk.toString("latin1");
      while (true) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          // Undo the client's dot-stuffing; give the message bytes as they came.
          const message = Buffer.from(buffer.slice(0, end + 2).replace(/^\.\./gm, "."), "latin1");
          buffer = buffer.slice(end + 5);
          inData = false;
          // Postfix's pipe(8): 0 delivered, EX_NOUSER bounced, EX_DATAERR bounced, EX_TEMPFAIL deferred.
          let answer = "250 2.0.0 delivered";
          for (const rcpt of recipients) {
            const { code, stderr } = await pipeToRoundtable(rcpt, message);
            deliveries.push({ rcpt, code, stderr });
            const why = (stderr.split("\n").find((l) => l.startsWith("roundtable:")) ?? "").slice(0, 200);
            if (code === 67) answer = `550 5.1.1 ${why}`;
            else if (code === 65) answer = `554 5.6.0 ${why}`;
            else if (code === 75) answer = `451 4.3.0 ${why}`;
            else if (code !== 0) answer = `451 4.3.5 exit ${code}`;
          }
          recipients = [];
          reply(answer);
          continue;
        }
        const nl = buffer.indexOf("\r\n");
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") reply(`250 mx.${replyDomain}`);
        else if (verb === "MAIL") reply("250 2.1.0 ok");
        else if (verb === "RCPT") {
          const rcpt = (line.match(/<([^>]*)>/) ?? [])[1] ?? "";
          if (rcpt.toLowerCase().endsWith(`@${replyDomain}`)) {
            recipients.push(rcpt);
            reply("250 2.1.5 ok");
          } else reply("550 5.1.2 not a domain of ours");
        } else if (verb === "DATA") {
          inData = true;
          reply("354 end with .");
        } else if (verb === "QUIT") {
          reply("221 bye");
          socket.end();
        } else reply("250 ok");
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ port: server.address().port, deliveries, stop: () => new Promise((r) => server.close(r)) }),
    ),
  );
}

/** Sends one message over SMTP; resolves to the server's answer to the message (the line after DATA). */
function sendMail(port, from, to, message) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const steps = [
      `EHLO client.test`,
      `MAIL FROM:<${from}>`,
      `RCPT TO:<${to}>`,
      "DATA",
      message.replace(/\r?\n/g, "\r\n").replace(/^\./gm, "..") + "\r\n.",
      "QUIT",
    ];
    let buffer = "";
    let step = -1;
    let dataAnswer = null;
    socket.on("data", (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        if (/^\d{3}-/.test(line)) continue;
        if (step === 2 && !line.startsWith("250")) {
          // The recipient was refused: that is the answer.
          dataAnswer = line;
          step = steps.length - 2;
        } else if (step === 4) dataAnswer = line;
        step += 1;
        if (step < steps.length) socket.write(steps[step] + "\r\n");
      }
    });
    socket.on("close", () => resolve(dataAnswer));
    socket.on("error", reject);
  });
}

const waitFor = (check, what) => sink.until(check, what);
const mailsTo = (address) => sink.to(address);
const replyToOf = (raw) => (raw.match(/^Reply-To: <([^>]+)>/m) ?? [])[1];

before(async () => {
  sink = await startSmtpSink();
  server = await startServer({ args: ["--smtp-url", sink.url, "--mail-reply-domain", replyDomain] });
  mx = await startMailExchanger();
});
after(async () => {
  await mx?.stop();
  await server?.stop();
  await sink?.stop();
});

function gmailReply(from, to, messageId, words) {
  return [
    `From: Mair Hughes <${from}>`,
    `To: Roundtable <${to}>`,
    `Subject: Re: =?UTF-8?Q?Ateb_newydd?=`,
    `Message-ID: <${messageId}>`,
    `Date: Sat, 5 Dec 2026 09:12:44 +0000`,
    `MIME-Version: 1.0`,
    `Content-Type: multipart/alternative; boundary="000000000000abc"`,
    ``,
    `--000000000000abc`,
    `Content-Type: text/plain; charset="UTF-8"`,
    `Content-Transfer-Encoding: quoted-printable`,
    ``,
    words.replace(/é/g, "=C3=A9"),
    ``,
    `On Sat, 5 Dec 2026 at 09:00, Roundtable <roundtable@localhost>`,
    `wrote:`,
    ``,
    `> Helo Mair,`,
    `> Gareth Jones wrote in the discussion.`,
    ``,
    `-- `,
    `Mair Hughes`,
    `Unpaid carer`,
    ``,
    `--000000000000abc`,
    `Content-Type: text/html; charset="UTF-8"`,
    ``,
    `<div>${words}</div><div class=3D"gmail_quote"><blockquote>Helo Mair</blockquote></div>`,
    `--000000000000abc--`,
  ].join("\r\n");
}

/**
 * Opens a topic's live stream (ADR 0026) as this visitor, once the server says it listens; `post` resolves with the
 * number of the first new post it tells of.
 */
async function listenToTopic(v, topic) {
  const controller = new AbortController();
  const res = await fetch(new URL(`/o/demo/topics/${topic}/live`, v.baseUrl), {
    signal: controller.signal,
    headers: { accept: "text/event-stream", cookie: v.cookieHeader() },
  });
  assert.equal(res.status, 200);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const until = async (pattern) => {
    for (;;) {
      const m = buffer.match(pattern);
      if (m) return m;
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended before ${pattern}`);
      buffer += decoder.decode(value, { stream: true });
    }
  };
  await until(/event: ready\n/);
  return {
    post: until(/event: post\ndata: \{"number":(\d+)\}\n/).then((m) => Number(m[1])),
    close: () => controller.abort(),
  };
}

test(`${backendName}: Mair answers a topic's email by email; it appears as hers, trimmed, once; forgeries are refused`, async () => {
  const ids = discussionIds(server);
  const mairId = server.database.sql(`SELECT id FROM users WHERE email = '${demo.carer}'`).trim();
  // Gareth replies on the page; Mair started the topic, so she follows it and is told by email (in Welsh).
  const gareth = new Visitor(server.url);
  await gareth.signIn(demo.member);
  const page = await gareth.get(`/o/demo/topics/${ids.EVENING}`);
  const key = page.text.match(/name="create_key" value="([^"]+)"/)[1];
  const form = { create_key: key, body: "Would Thursday evenings work for everyone?" };
  if (/name="agree_rules"/.test(page.text)) form.agree_rules = "yes";
  const sent = await gareth.post(`/o/demo/topics/${ids.EVENING}/replies`, form);
  assert.equal(sent.status, 303);
  const toMair = await waitFor(
    () => mailsTo(demo.carer).find((m) => plainText(m).includes("Thursday evenings")),
    "the email to Mair",
  );
  const address = replyToOf(toMair);
  assert.match(address, new RegExp(`^reply\\+\\d+\\.${ids.EVENING}\\.${mairId}\\.[0-9a-f]{32}@${replyDomain}$`));
  assert.match(plainText(toMair), /Gallwch chi ateb yr e-bost hwn i ychwanegu eich ateb at y pwnc\./);
  // Marked as written by a program, so out-of-office programs do not answer it (RFC 3834).
  assert.match(toMair, /^Auto-Submitted: auto-generated\r?$/m);

  // On PostgreSQL, Gareth has the topic open: receive-mail, a process of its own, tells the server through the
  // database (pg_notify), so the answer appears on his page at once. (On SQLite it shows when he next reads it.)
  const live = usingPostgres ? await listenToTopic(gareth, ids.EVENING) : null;

  // Mair answers from her mail program: her words, the quoted original and her signature.
  const words = "Dydd Iau yn iawn — the café by the station is step-free.";
  const reply = gmailReply(demo.carer, address, "mair-1@mail.example", words);
  const gareths = mailsTo(demo.member).length;
  assert.match(await sendMail(mx.port, demo.carer, address, reply), /^250 /);
  const count = () =>
    Number(server.database.sql(`SELECT COUNT(*) FROM discussion_posts WHERE topic_id = ${ids.EVENING} AND author_id = ${mairId} AND body LIKE '%step-free%'`));
  assert.equal(count(), 1);
  const body = server.database.sql(
    `SELECT body FROM discussion_posts WHERE topic_id = ${ids.EVENING} AND body LIKE '%step-free%'`,
  );
  assert.equal(body, words, "trimmed: no quoted original, no signature");
  if (live) {
    const number = Number(server.database.sql(
      `SELECT number FROM discussion_posts WHERE topic_id = ${ids.EVENING} AND body LIKE '%step-free%'`,
    ));
    try {
      let timer;
      const waited = new Promise((_, fail) => {
        timer = setTimeout(() => fail(new Error("no live event for the emailed answer in 30 s")), 30_000);
      });
      assert.equal(await Promise.race([live.post, waited]), number, "the open topic heard of the emailed answer");
      clearTimeout(timer);
    } finally {
      live.close();
    }
  }
  const shown = await gareth.get(`/o/demo/topics/${ids.EVENING}`);
  assert.ok(shown.text.includes("the café by the station is step-free."));
  assert.ok(!shown.text.includes("Unpaid carer"));
  // Gareth follows the topic now: he is told, with a Reply-To of his own.
  const toGareth = await waitFor(
    () => mailsTo(demo.member).length > gareths && mailsTo(demo.member).find((m) => plainText(m).includes("step-free")),
    "the email to Gareth",
  );
  assert.notEqual(replyToOf(toGareth), address);
  assert.match(replyToOf(toGareth), new RegExp(`^reply\\+\\d+\\.${ids.EVENING}\\.\\d+\\.[0-9a-f]{32}@`));

  // The same message delivered again (a retry, or a replay): accepted, posted once.
  assert.match(await sendMail(mx.port, demo.carer, address, reply), /^250 /);
  assert.equal(count(), 1);

  // A forged address (one character of the mac changed) and someone else sending to Mair's address: refused.
  const at = address.indexOf("@");
  const forged = address.slice(0, at - 1) + (address[at - 1] === "0" ? "1" : "0") + address.slice(at);
  const forgedAnswer = await sendMail(mx.port, demo.carer, forged,
    gmailReply(demo.carer, forged, "mair-2@mail.example", "Forged words that must never show"));
  assert.match(forgedAnswer, /^550 5\.1\.1/);
  const wrongFrom = await sendMail(mx.port, demo.member, address,
    gmailReply(demo.member, address, "gareth-9@mail.example", "Words from the wrong sender"));
  assert.match(wrongFrom, /^550 5\.1\.1/);
  const unsigned = await sendMail(mx.port, demo.carer, `reply+1.${ids.EVENING}.${mairId}@${replyDomain}`,
    gmailReply(demo.carer, `reply@${replyDomain}`, "mair-3@mail.example", "Unsigned words"));
  assert.match(unsigned, /^550 5\.1\.1/);
  assert.equal(
    server.database.sql(`SELECT COUNT(*) FROM discussion_posts WHERE body LIKE '%Forged words%' OR body LIKE '%wrong sender%' OR body LIKE '%Unsigned words%'`),
    "0",
  );
  // Each refusal was logged, without the words.
  const refusals = mx.deliveries.filter((d) => d.code === 67);
  assert.equal(refusals.length, 3);
  for (const d of refusals) {
    assert.match(d.stderr, /"event":"mail_in_refused"/);
    assert.doesNotMatch(d.stderr, /Forged words|wrong sender|Unsigned words/);
  }
  assert.deepEqual(
    refusals.map((d) => JSON.parse(d.stderr.split("\n").find((l) => l.includes("mail_in_refused"))).reason),
    ["forged", "from_mismatch", "unsigned"],
  );
});

test(`${backendName}: an HTML-only answer from Outlook is posted as plain text; an empty one is answered by email`, async () => {
  const ids = discussionIds(server);
  const toMair = mailsTo(demo.carer).find((m) => replyToOf(m));
  assert.ok(toMair, "Mair had an email with a reply address (the test before)");
  const address = replyToOf(toMair);
  const outlook = [
    `From: "Hughes, Mair" <${demo.carer.toUpperCase()}>`,
    `To: "${address}" <${address}>`,
    `Subject: RE: Ateb newydd`,
    `Message-ID: <DB9PR01MB7777@eurprd01.prod.outlook.com>`,
    `Content-Type: text/html; charset="windows-1252"`,
    `Content-Transfer-Encoding: quoted-printable`,
    `MIME-Version: 1.0`,
    ``,
    `<html><head><style>p{margin:0}</style></head><body><p>Saturday mornings =96 <b>also</b> fine &amp; the =`,
    `hearing loop works.</p><script>alert(1)</script>`,
    `<div id=3D"divRplyFwdMsg"><hr><b>From:</b> Roundtable &lt;roundtable@localhost&gt;<br><b>Sent:</b> =`,
    `05 December 2026 09:00<br><b>To:</b> Mair Hughes<br><b>Subject:</b> Ateb newydd</div><p>Helo Mair</p>`,
    `</body></html>`,
  ].join("\r\n");
  assert.match(await sendMail(mx.port, demo.carer, address, outlook), /^250 /);
  const body = server.database.sql(`SELECT body FROM discussion_posts WHERE topic_id = ${ids.EVENING} AND body LIKE 'Saturday mornings%'`);
  assert.equal(body, "Saturday mornings – also fine & the hearing loop works.", "plain text, no markup, no quoted original");

  // Only the quoted original and a signature: nothing is posted, and Mair is told why, in Welsh, with the link.
  const before = mailsTo(demo.carer).length;
  const empty = [
    `From: Mair Hughes <${demo.carer}>`,
    `To: ${address}`,
    `Subject: Re: Ateb newydd`,
    `Message-ID: <mair-empty@mail.example>`,
    `Content-Type: text/plain; charset=utf-8`,
    ``,
    `> Helo Mair,`,
    ``,
    `-- `,
    `Mair`,
  ].join("\r\n");
  assert.match(await sendMail(mx.port, demo.carer, address, empty), /^250 /);
  const told = await waitFor(() => mailsTo(demo.carer).length > before && mailsTo(demo.carer).at(-1), "the answer to Mair");
  assert.match(plainText(told), /nid oedd dim o'ch geiriau eich hun ar ôl/);
  assert.ok(plainText(told).includes(`/o/demo/topics/${ids.EVENING}`));
  assert.equal(replyToOf(told), undefined, "an answer about a refusal has no reply address");
});

test(`${backendName}: receive-mail asks the mail server to try again later when the database cannot be reached`, async () => {
  const dir = tempDir();
  try {
    const down = await runCli(["receive-mail", "--database", "postgresql://roundtable@127.0.0.1:1/roundtable",
      "--data-dir", dir, "--mail-reply-domain", replyDomain]);
    assert.equal(down.code, 75, down.stderr);
    assert.match(down.stderr, /try again later/);
    const unset = await runCli(["receive-mail", "--database", server.database.url, "--data-dir", dir]);
    assert.equal(unset.code, 78, "without a reply domain the set-up is wrong: the mail server keeps the message");
    assert.match(unset.stderr, /needs --mail-reply-domain/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
