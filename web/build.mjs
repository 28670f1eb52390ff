// Builds web/ into the server's public/ folder: compiled CSS, fingerprinted assets,
// precompressed .gz/.br siblings and manifest.json (logical name -> URL).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, process.argv[2] ?? "../public");
const assets = join(out, "assets");
rmSync(assets, { recursive: true, force: true });
mkdirSync(assets, { recursive: true });

const manifest = {};
const hash = (buf) => createHash("sha256").update(buf).digest("hex").slice(0, 10);

function emit(logical, ext, content, { compress = true } = {}) {
  const buf = Buffer.isBuffer(content) ? content : Buffer.from(content);
  const name = `${logical}-${hash(buf)}.${ext}`;
  writeFileSync(join(assets, name), buf);
  if (compress) {
    writeFileSync(join(assets, `${name}.gz`), gzipSync(buf, { level: 9 }));
    writeFileSync(join(assets, `${name}.br`), brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return `/assets/${name}`;
}

// Fonts first: the CSS refers to their fingerprinted names.
const fontDir = join(here, "node_modules/@fontsource/atkinson-hyperlegible-next/files");
const fontUrls = {};
for (const subset of ["latin", "latin-ext"]) {
  for (const weight of ["400", "700"]) {
    const file = `atkinson-hyperlegible-next-${subset}-${weight}-normal.woff2`;
    fontUrls[`fonts/${file}`] = emit(`atkinson-${subset}-${weight}`, "woff2", readFileSync(join(fontDir, file)), {
      compress: false,
    });
  }
}

let css = sass.compile(join(here, "scss/app.scss"), {
  style: "compressed",
  loadPaths: [join(here, "node_modules")],
  quietDeps: true,
  silenceDeprecations: ["import"],
}).css;
for (const [from, to] of Object.entries(fontUrls)) css = css.split(from).join(to);
// The footer's Crown copyright crest is not ours to use: drop any rule that draws it.
css = css.replace(/[^{}]*\{[^{}]*govuk-crest[^{}]*\}/g, "").replace(/[^{}]*govuk-footer__crown[^{}]*\{[^{}]*\}/g, "");
if (/GDS Transport|govuk-crest|crown/i.test(css)) throw new Error("the stylesheet must not use GDS Transport or the crown");
manifest["app.css"] = emit("app", "css", css);

const govukJs = emit("govuk-frontend", "js", readFileSync(join(here, "node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js")));
const recorderJs = emit("recorder", "js", readFileSync(join(here, "js/recorder.mjs")));
const liveJs = emit("live", "js", readFileSync(join(here, "js/live.mjs")));
const boardLiveJs = emit("board-live", "js", readFileSync(join(here, "js/board_live.mjs")));
const boardDragJs = emit("board-drag", "js", readFileSync(join(here, "js/board_drag.mjs")));
const appJs = readFileSync(join(here, "js/app.mjs"), "utf8")
  .replace("./govuk-frontend.min.js", govukJs)
  .replace("./recorder.mjs", recorderJs)
  .replace("./live.mjs", liveJs)
  .replace("./board_live.mjs", boardLiveJs)
  .replace("./board_drag.mjs", boardDragJs);
manifest["govuk-frontend.js"] = govukJs;
manifest["recorder.js"] = recorderJs;
manifest["live.js"] = liveJs;
manifest["board-live.js"] = boardLiveJs;
manifest["board-drag.js"] = boardDragJs;
manifest["app.js"] = emit("app", "js", appJs);

const favicon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="9" fill="#0b6e69"/><g fill="#1d3b4a"><circle cx="16" cy="3" r="3"/><circle cx="16" cy="29" r="3"/><circle cx="3" cy="16" r="3"/><circle cx="29" cy="16" r="3"/><circle cx="6.8" cy="6.8" r="3"/><circle cx="25.2" cy="25.2" r="3"/><circle cx="6.8" cy="25.2" r="3"/><circle cx="25.2" cy="6.8" r="3"/></g></svg>\n`;
manifest["favicon.svg"] = emit("favicon", "svg", favicon);

writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
writeFileSync(join(out, "robots.txt"), "User-agent: *\nAllow: /\n");
console.log(`web: built ${Object.keys(manifest).length} assets into ${out} (css ${(css.length / 1024).toFixed(1)} KiB)`);
