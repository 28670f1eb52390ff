// Recordings keep none of the details saved inside them (issue #12 item 12): a WAV whose LIST/INFO chunk names the
// person who made it comes back without the name and with every sample as it was; an OGG whose details cannot be
// removed is refused in plain words. Both databases.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, Visitor, demo, backendName } from "./harness.mjs";

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const le = (value, bytes) => {
  const b = Buffer.alloc(bytes);
  b.writeUIntLE(value, 0, bytes);
  return b;
};
const chunk = (id, body) => Buffer.concat([Buffer.from(id, "latin1"), le(body.length, 4), body, Buffer.alloc(body.length % 2)]);

/** A one-second 16-bit mono WAV at 8 kHz whose LIST/INFO chunk names its artist and where it was made. */
function wavWithArtist(artist) {
  const samples = Buffer.alloc(16000);
  for (let i = 0; i < 8000; i++) samples.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 8000)), 2 * i);
  const fmt = chunk("fmt ", Buffer.concat([le(1, 2), le(1, 2), le(8000, 4), le(16000, 4), le(2, 2), le(16, 2)]));
  const info = chunk(
    "LIST",
    Buffer.concat([
      Buffer.from("INFO"),
      chunk("IART", Buffer.from(`${artist}\0`)),
      chunk("ICMT", Buffer.from("Recorded at 12 Heol y Frenhines\0")),
    ]),
  );
  const chunks = Buffer.concat([fmt, info, chunk("data", samples)]);
  return { file: Buffer.concat([Buffer.from("RIFF"), le(4 + chunks.length, 4), Buffer.from("WAVE"), chunks]), samples };
}

/** The audio frames of a WAV file as Python's wave module reads them (a reader separate from the server's code). */
function waveFrames(bytes) {
  const dir = mkdtempSync(join(tmpdir(), "rt-wav-"));
  try {
    const file = join(dir, "x.wav");
    writeFileSync(file, bytes);
    const out = execFileSync("/usr/bin/python3", [
      "-c",
      "import sys,wave; w=wave.open(sys.argv[1]); print(w.getnchannels(), w.getsampwidth(), w.getframerate(), w.readframes(w.getnframes()).hex())",
      file,
    ]);
    const [channels, width, rate, hex] = out.toString().trim().split(" ");
    return { channels: Number(channels), width: Number(width), rate: Number(rate), frames: Buffer.from(hex, "hex") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test(`${backendName}: a WAV recording comes back without the name saved inside it, every sample as it was`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.finance);
  await v.get("/account/about-me/add/audio");
  const { file, samples } = wavWithArtist("Priya Shah-Evans");
  assert.ok(file.includes("Priya Shah-Evans"));
  const add = await v.postMultipart(
    "/account/about-me/items",
    { kind: "audio", title: "Singing in the kitchen", transcript: "La la la." },
    { file: { filename: "kitchen.wav", type: "audio/wav", data: file } },
  );
  assert.equal(add.status, 303);
  const page = await v.get("/account/about-me");
  const urls = [...page.text.matchAll(/src="(\/files\/[A-Za-z0-9_-]+)"/g)].map((m) => m[1]);
  assert.ok(urls.length >= 1, "the recording is on the page");
  const res = await fetch(new URL(urls.at(-1), server.url), { headers: { cookie: v.cookieHeader() } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "audio/wav");
  const back = Buffer.from(await res.arrayBuffer());
  assert.ok(!back.includes("Priya"), "the artist's name is gone");
  assert.ok(!back.includes("Heol y Frenhines"), "the place is gone");
  assert.ok(!back.includes("LIST"), "no LIST chunk is left");
  const wav = waveFrames(back);
  assert.deepEqual([wav.channels, wav.width, wav.rate], [1, 2, 8000]);
  assert.ok(wav.frames.equals(samples), "every sample is as it was");
});

// The Ogg page checksum: CRC-32, polynomial 0x04C11DB7, not reflected, starting at 0.
function oggCrc(bytes) {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 24;
    for (let k = 0; k < 8; k++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  }
  return crc >>> 0;
}

function oggPage(flags, sequence, packet) {
  const lacing = [...Array(Math.floor(packet.length / 255)).fill(255), packet.length % 255];
  const page = Buffer.concat([
    Buffer.from("OggS\0", "latin1"),
    Buffer.from([flags]),
    Buffer.alloc(8),
    le(7, 4),
    le(sequence, 4),
    Buffer.alloc(4),
    Buffer.from([lacing.length, ...lacing]),
    packet,
  ]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

test(`${backendName}: an OGG recording whose details cannot be removed is refused in plain words`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.finance);
  await v.get("/account/about-me/add/audio");
  // Speex in Ogg: a codec whose comment header the server does not rewrite.
  const speex = Buffer.concat([Buffer.from("Speex   1.2rc1"), Buffer.alloc(66)]);
  const comments = Buffer.concat([le(4, 4), Buffer.from("xiph"), le(1, 4), le(18, 4), Buffer.from("ARTIST=Priya Shah")]);
  const file = Buffer.concat([oggPage(2, 0, speex), oggPage(0, 1, comments), oggPage(4, 2, Buffer.alloc(40, 1))]);
  const before = server.database.sql("SELECT COUNT(*) FROM uploads");
  const res = await v.postMultipart(
    "/account/about-me/items",
    { kind: "audio", title: "Old recording", transcript: "" },
    { file: { filename: "old.ogg", type: "audio/ogg", data: file } },
  );
  assert.equal(res.status, 400);
  assert.match(res.text, /We could not remove the hidden details saved inside this file, such as names or places/);
  assert.match(res.text, /value="Old recording"/);
  assert.equal(server.database.sql("SELECT COUNT(*) FROM uploads"), before, "nothing was stored");
});
