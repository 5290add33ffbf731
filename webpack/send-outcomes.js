/**
 * Send outcomes through a built launchevent.js, for bundle changes that must change none
 * (layout, packing, minifier settings): loads the bundle once with test/office/bundle-harness.ts's
 * fake Office and presses Send for every `every`-th train/dev row of the hand-written corpus and
 * hatecheck (never test rows, never fresh-*), in three item variants (HTML to an outside parent
 * with the disclaimer; a plain-text forward with no subject; HTML with internal cc and a photo),
 * then prints the number of sends, allow/block counts and a hash of every completion and body.
 * Usage: node webpack/send-outcomes.js dist/launchevent.js [every=2]  (compare two builds' lines)
 */
"use strict";
const fs = require("fs"), path = require("path"), Module = require("module"), { createHash } = require("crypto");
const esbuild = require("esbuild");
const ROOT = path.join(__dirname, "..");
function loadHarness() {
  const file = path.join(ROOT, "test", "office", "bundle-harness.ts");
  const out = esbuild.buildSync({ entryPoints: [file], bundle: true, platform: "node", format: "cjs", write: false, external: ["acorn"], logLevel: "silent" });
  const mod = new Module(file, module); mod.filename = file; mod.paths = Module._nodeModulePaths(path.dirname(file));
  mod._compile(out.outputFiles[0].text, file); return mod.exports;
}
const { loadRows } = require(path.join(ROOT, "tools/detect/common.js"));
(async () => {
  const h = loadHarness();
  const code = fs.readFileSync(process.argv[2], "utf8");
  const every = Number(process.argv[3] || 2);
  const rows = loadRows().filter((r) => r.split !== "test" && !/^fresh/.test(r.source) && !/^(data|public)/.test(r.source));
  const corpusRows = rows.filter((r) => r.id && /^(comment|fwd|list|nursery|post|review|thread|tweet|work|hatecheck)/.test(r.source));
  const disclaimer = h.defaultOrganisation.disclaimer.html;
  const hash = createHash("sha256");
  let n = 0; const tally = {}; let bundle;
  for (let i = 0; i < corpusRows.length; i += every) {
    const r = corpusRows[i];
    const v = i % 3;
    const item = {
      to: v === 0 ? [{ emailAddress: "jane.parent@gmail.com", displayName: "Jane Parent", recipientType: "externalUser" }] : [{ emailAddress: "ben@norcotearlyyearscentre.co.uk", displayName: "Ben", recipientType: "user" }],
      cc: v === 2 ? [{ emailAddress: "head@norcotearlyyearscentre.co.uk", displayName: "Head", recipientType: "user" }, { emailAddress: "x@norcotearlyyearscentre.co.uk", recipientType: "user" }] : [],
      subject: r.subject || (v === 1 ? "" : "Re: update"),
      composeType: v === 1 ? "forward" : "newMail",
      attachments: v === 2 ? [{ name: "photo.jpg", size: 48000, isInline: false }] : [],
    };
    if (v === 1) { item.bodyType = "text"; item.bodyText = r.text; }
    else item.bodyHtml = `<html><body><div>${r.text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/\n/g, "<br>")}</div>${v === 0 ? disclaimer : ""}</body></html>`;
    if (!bundle) bundle = h.loadBundle(code, {});
    const fi = bundle.fake.item; delete fi.bodyText; Object.assign(fi, { to: [], cc: [], bcc: [], subject: "", bodyType: "html", attachments: [], composeType: "newMail" }, item);
    if (item.bodyText !== undefined) fi.bodyHtml = "<html><body></body></html>";
    const res = await h.pressSend(bundle);
    const out = JSON.stringify([res.options, res.completions, bundle.fake.item.bodyHtml, bundle.fake.item.bodyText]);
    hash.update(out + "\n");
    const k = res.options && res.options.allowEvent ? "allow" : "block"; tally[k] = (tally[k] || 0) + 1;
    n++;
  }
  console.log(n, "sends", JSON.stringify(tally), hash.digest("hex").slice(0, 16));
})();
