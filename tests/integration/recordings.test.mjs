// Recordings keep none of the details saved inside them (issue #12 item 12): a WAV whose LIST/INFO chunk names the
// person who made it comes back without the name and with every sample as it was; an OGG whose details cannot be
// removed is refused in plain words; a WebM voice note as a browser's MediaRecorder makes it (items 12 and 16) and a
// FLAC file come back without their tags and still playable. Both databases.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync, mkdtempSync, rmSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, Visitor, demo, backendName } from "./harness.mjs";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "fixtures/recordings");

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

// ---- WebM and FLAC (issue #12 items 12 and 16): a recording made with the page's Record button, and a FLAC file.

/** Uploads a recording as Priya's About Me item; returns the bytes served back and their type. */
async function uploadAndFetch(v, title, file) {
  await v.get("/account/about-me/add/audio");
  const filesOnPage = async () =>
    new Set([...(await v.get("/account/about-me")).text.matchAll(/src="(\/files\/[A-Za-z0-9_-]+)"/g)].map((m) => m[1]));
  const before = await filesOnPage();
  const add = await v.postMultipart("/account/about-me/items", { kind: "audio", title, transcript: "" }, { file });
  assert.equal(add.status, 303, `${title}: ${add.text.slice(0, 300)}`);
  const added = [...(await filesOnPage())].filter((u) => !before.has(u));
  assert.equal(added.length, 1, `${title}: one new file on the page`);
  const res = await fetch(new URL(added[0], server.url), { headers: { cookie: v.cookieHeader() } });
  assert.equal(res.status, 200);
  return { type: res.headers.get("content-type"), bytes: Buffer.from(await res.arrayBuffer()) };
}

// EBML (WebM): an element is its id, its size (a variable-length number; all ones: unknown) and its body.
function ebmlNumber(buf, at, keepMarker) {
  let length = 1;
  while (length <= 8 && !(buf[at] & (0x80 >> (length - 1)))) length++;
  let value = keepMarker ? buf[at] : buf[at] & (0xff >> length);
  let unknown = value === 0xff >> length;
  for (let k = 1; k < length; k++) {
    value = value * 256 + buf[at + k];
    if (buf[at + k] !== 0xff) unknown = false;
  }
  return { value, length, unknown: !keepMarker && unknown };
}

/** The elements from start to end, one level: {id, at, body, end}; an element of unknown size runs to `end`. */
function ebmlChildren(buf, start, end) {
  const out = [];
  for (let at = start; at < end; ) {
    const id = ebmlNumber(buf, at, true);
    const size = ebmlNumber(buf, at + id.length, false);
    const body = at + id.length + size.length;
    const stop = size.unknown ? end : body + size.value;
    assert.ok(stop <= end, `element ${id.value.toString(16)} at ${at} runs past its parent`);
    out.push({ id: id.value, at, body, end: stop });
    at = stop;
  }
  return out;
}

const ebmlElement = (idBytes, body) => {
  assert.ok(body.length < 127);
  return Buffer.concat([Buffer.from(idBytes), Buffer.from([0x80 | body.length]), body]);
};
const ids = { ebml: 0x1a45dfa3, segment: 0x18538067, info: 0x1549a966, tracks: 0x1654ae6b, cluster: 0x1f43b675, tags: 0x1254c367, void: 0xec };

/** Chromium's MediaRecorder recording (fixtures/recordings), with a title and an encoder tag added at its end. */
function voiceNoteWithTags() {
  const recorded = readFileSync(join(fixtures, "voice-note.webm"));
  const simpleTag = (name, value) =>
    ebmlElement([0x67, 0xc8], Buffer.concat([ebmlElement([0x45, 0xa3], Buffer.from(name)), ebmlElement([0x44, 0x87], Buffer.from(value))]));
  const tags = ebmlElement(
    [0x12, 0x54, 0xc3, 0x67],
    ebmlElement(
      [0x73, 0x73],
      Buffer.concat([simpleTag("TITLE", "Megan Jones at 12 Heol y Frenhines"), simpleTag("ENCODER", "Chrome MediaRecorder")]),
    ),
  );
  const [header, segment] = ebmlChildren(recorded, 0, recorded.length);
  assert.equal(header.id, ids.ebml);
  assert.equal(segment.id, ids.segment);
  // The Segment's size (8 bytes, as Chromium writes it) grows by the tags put at its end.
  const file = Buffer.concat([recorded, tags]);
  assert.equal(segment.body - segment.at, 12);
  file.writeUIntBE(segment.end - segment.body + tags.length, segment.body - 6, 6);
  return { recorded, file };
}

test(`${backendName}: a WebM voice note as the Record button makes it comes back without its title and encoder tags, still playable`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.finance);
  const { file } = voiceNoteWithTags();
  for (const secret of ["Megan", "Heol y Frenhines", "ENCODER", "Chrome"]) assert.ok(file.includes(secret), secret);
  const back = await uploadAndFetch(v, "Voice note from my phone", {
    filename: "blob",
    type: "audio/webm;codecs=opus",
    data: file,
  });
  assert.equal(back.type, "audio/webm");
  const bytes = back.bytes;
  for (const secret of ["Megan", "Heol y Frenhines", "ENCODER", "TITLE", "Chrome"]) {
    assert.ok(!bytes.includes(secret), `${secret} is gone`);
  }
  // It still plays: nothing moved (so the cues still point at the clusters), the header, the track (Opus, with its
  // OpusHead) and every cluster of sound are byte for byte as recorded, and the tags became a Void element.
  assert.equal(bytes.length, file.length);
  const [header, segment] = ebmlChildren(bytes, 0, bytes.length);
  assert.ok(bytes.subarray(header.at, header.end).equals(file.subarray(header.at, header.end)), "the EBML header is intact");
  assert.equal(segment.id, ids.segment);
  assert.equal(segment.end, bytes.length);
  const before = ebmlChildren(file, segment.body, segment.end);
  const after = ebmlChildren(bytes, segment.body, segment.end);
  assert.deepEqual(
    after.map((e) => [e.at, e.end]),
    before.map((e) => [e.at, e.end]),
  );
  assert.deepEqual(
    after.map((e) => e.id),
    before.map((e) => (e.id === ids.tags ? ids.void : e.id)),
  );
  for (const e of after.filter((e) => [ids.tracks, ids.cluster].includes(e.id))) {
    assert.ok(bytes.subarray(e.at, e.end).equals(file.subarray(e.at, e.end)), `element at ${e.at} is as recorded`);
  }
  const tracks = after.find((e) => e.id === ids.tracks);
  assert.ok(bytes.subarray(tracks.at, tracks.end).includes("A_OPUS"));
  assert.ok(bytes.subarray(tracks.at, tracks.end).includes("OpusHead"));
  assert.ok(after.filter((e) => e.id === ids.cluster).length >= 1, "the sound is there");
  const info = after.find((e) => e.id === ids.info);
  const timecodeScale = ebmlChildren(bytes, info.body, info.end).find((e) => e.id === 0x2ad7b1);
  assert.ok(timecodeScale && bytes.readUIntBE(timecodeScale.body, timecodeScale.end - timecodeScale.body) === 1_000_000);
});

// FLAC: "fLaC", metadata blocks (a header byte: last-block flag and type; a 24-bit length), then frames.
function crc8(bytes) {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}
function crc16(bytes) {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let k = 0; k < 8; k++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}
const flacBlock = (type, body, last = false) => {
  const head = Buffer.alloc(4);
  head.writeUIntBE(body.length, 1, 3);
  head[0] = (last ? 0x80 : 0) | type;
  return Buffer.concat([head, body]);
};

/**
 * Half a second of a 440 Hz tone as FLAC that any decoder plays: 16-bit mono at 8 kHz, four frames of 1,024 samples
 * stored verbatim, each with its CRCs; a Vorbis comment block names who made it, where, and the encoder.
 */
function flacWithComments() {
  const frames = [];
  for (let n = 0; n < 4; n++) {
    // Sync and fixed block size; 1,024 samples (0b1010) at 8 kHz (0b0100); mono, 16 bits; frame number n.
    const header = Buffer.from([0xff, 0xf8, 0xa4, 0x08, n]);
    const samples = Buffer.alloc(2048);
    for (let i = 0; i < 1024; i++) samples.writeInt16BE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * (n * 1024 + i)) / 8000)), 2 * i);
    const frame = Buffer.concat([header, Buffer.from([crc8(header)]), Buffer.from([0x02]), samples]); // VERBATIM subframe
    const crc = Buffer.alloc(2);
    crc.writeUInt16BE(crc16(frame));
    frames.push(Buffer.concat([frame, crc]));
  }
  const streaminfo = Buffer.alloc(34);
  streaminfo.writeUInt16BE(1024, 0);
  streaminfo.writeUInt16BE(1024, 2);
  // Sample rate (20 bits), channels - 1 (3), bits per sample - 1 (5), total samples (36); the MD5 left unknown.
  streaminfo.writeBigUInt64BE((8000n << 44n) | (15n << 36n) | 4096n, 10);
  const comment = (s) => Buffer.concat([le(Buffer.byteLength(s), 4), Buffer.from(s)]);
  const comments = ["TITLE=Megan Jones singing", "LOCATION=12 Heol y Frenhines", "ENCODER=reference libFLAC 1.4.3"];
  const vorbis = Buffer.concat([comment("reference libFLAC 1.4.3 20230623"), le(comments.length, 4), ...comments.map(comment)]);
  const file = Buffer.concat([Buffer.from("fLaC"), flacBlock(0, streaminfo), flacBlock(4, vorbis, true), ...frames]);
  return { file, streaminfo, frames: Buffer.concat(frames) };
}

test(`${backendName}: a FLAC recording comes back without its Vorbis comments, still playable`, async () => {
  const v = new Visitor(server.url);
  await v.signIn(demo.finance);
  const { file, streaminfo, frames } = flacWithComments();
  for (const secret of ["Megan", "Heol y Frenhines", "libFLAC"]) assert.ok(file.includes(secret), secret);
  const back = await uploadAndFetch(v, "Singing, in FLAC", { filename: "singing.flac", type: "audio/flac", data: file });
  assert.equal(back.type, "audio/flac");
  const bytes = back.bytes;
  for (const secret of ["Megan", "Heol y Frenhines", "TITLE", "libFLAC"]) assert.ok(!bytes.includes(secret), `${secret} is gone`);
  // It still plays: "fLaC", then the stream's facts (now the last metadata block), then every frame as it was, each
  // frame's header and CRCs still right.
  assert.ok(bytes.subarray(0, 4).equals(Buffer.from("fLaC")));
  assert.ok(bytes.subarray(4, 8 + 34).equals(flacBlock(0, streaminfo, true)), "STREAMINFO is intact and last");
  const rest = bytes.subarray(8 + 34);
  assert.ok(rest.equals(frames), "every frame is as it was");
  for (let at = 0; at < rest.length; at += 5 + 1 + 1 + 2048 + 2) {
    assert.equal(rest.readUInt16BE(at), 0xfff8, "a frame starts with its sync code");
    assert.equal(rest[at + 5], crc8(rest.subarray(at, at + 5)));
    assert.equal(rest.readUInt16BE(at + 2055), crc16(rest.subarray(at, at + 2055)));
  }
});
