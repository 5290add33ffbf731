/**
 * How webpack/launchevent.config.js keeps launchevent.js small without changing what it does,
 * checked on the built bundle: no `const` (webpack/const-to-let.js), and the JSON data's keys
 * that the code reads by name renamed by webpack to the shortest names (mangleExports "size"),
 * and no rule's category (webpack/strip-rule-docs-loader.js: the handler never reads it); and
 * no words of policy errors (the handler checks a policy with normalizePolicyUnworded), nor of
 * the errors the core and the published policy throw (webpack/strip-error-texts-loader.js: the
 * handler never reads them); and the bundle's own long property names renamed (terser's
 * mangle.properties on the list RENAMED_PROPERTIES).
 */
import { rules } from "../../src/core/rules";
import { useBuiltLaunchEvent } from "./bundle-harness";

describe("dist/launchevent.js", () => {
  const built = useBuiltLaunchEvent("eg-bundle-bytes-");

  it("declares nothing with const", () => {
    expect(built.code().length).toBeGreaterThan(100_000);
    expect(built.code()).not.toMatch(/(^|[^\w$.])const[\s{[]/);
    expect(built.code()).toMatch(/(^|[^\w$.])let[\s{[]/);
  });

  it("has the model's weights under a one-letter key (webpack's shortest export names), with their heads as in weights.json", () => {
    // weights.json's "heads" (the only key the model reads) is written "a", not a two-character hash.
    expect(built.code()).toMatch(/JSON\.parse\('\{"a":\{"chain":\{"bias":/);
  });

  it("leaves out every rule's category but keeps its title", () => {
    const metas = Object.values(rules).map((rule) => rule.meta);
    expect(metas.length).toBeGreaterThanOrEqual(17);
    // `title` is one of RENAMED_PROPERTIES: the title is the value of a renamed key.
    for (const meta of metas) {
      const title = JSON.stringify(meta.title).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      expect(built.code()).toMatch(new RegExp(`[{,][\\w$]{1,2}:${title}`));
      expect(built.code()).not.toMatch(new RegExp(`:${title},category:`));
    }
    expect(built.code()).not.toMatch(/category:"(?:recipients|content|compliance|tone|privacy|attachments)"/);
  });

  it("has the properties webpack/launchevent.config.js lists in RENAMED_PROPERTIES renamed by terser, and keeps the names the policy and Office use", () => {
    // Rule meta, JSON Schema keywords, reports, the detection's records: renamed everywhere.
    for (const name of ["defaultSeverity", "optionsSchema", "additionalProperties", "messageId", "skeleton", "probability", "evidence"]) {
      expect(built.code()).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
    // The published policy's keys, a rule's options, Office's names: as written.
    for (const name of [".internalDomains", ".modelThreshold", "allowEvent:", ".getAsync"]) expect(built.code()).toContain(name);
  });

  it("carries no words of findings' evidence written as text or by a pure helper (strip-rule-docs-loader: the handler never reads evidence)", () => {
    for (const words of ["standard disclaimer not found", "of the standard wording found", "signed in as", "outside addresses in To/Cc", "MB in total", "home address with postcode", "counted as", " MB)", "displayed as"]) {
      expect(built.code()).not.toContain(words);
    }
  });

  it("carries no fix a finding suggests (strip-rule-docs-loader: the handler never reads a finding's fix)", () => {
    for (const kind of ["move-to-bcc", "remove-recipients", "remove-attachment", "delay-send", "insert-disclaimer"]) expect(built.code()).not.toContain(kind);
  });

  it("masks and clips no finding's evidence and looks up no clause by message (strip-rule-docs-loader on run-rules.ts: the handler reads neither)", () => {
    // maskResidualPersonalData's e-mail pattern, and clause-map.ts's one entry.
    expect(built.code()).not.toContain("{2,}@[\\w-]+");
    expect(built.code()).not.toMatch(/largeTotal:"congestion"/);
    // The rules' messages still name what they are about.
    expect(built.code()).toContain("larger than {{max}} MB");
  });

  it("has no object-rest helper (the handler's code copies with a spread and deletes instead), and spreads with Object.assign", () => {
    // esbuild's __objRest: `(e,o)=>{var r={};for(var i in e)…o.indexOf(i)<0…`; nor its spread
    // helper `for(var i in b||(b={}))…` (one-spread-helper.js: declared as Object.assign, before
    // webpack's strict IIFE).
    expect(built.code()).not.toMatch(/\{var \w+=\{\};for\(var \w+ in \w+\)/);
    expect(built.code()).not.toMatch(/for\(var \w+ in \w+\|\|\(\w+=\{\}\)\)/);
    expect(built.code()).not.toContain("getOwnPropertySymbols");
    expect(built.code()).toMatch(/var \w+=Object\.assign;\(\(\)=>\{"use strict";/);
  });

  it("carries no words of the errors the core and the published policy throw (strip-error-texts-loader: the handler never reads them)", () => {
    for (const words of ["needs a global regular expression", "is not a base64 digit", "a bucket list ends early", "weighed buckets", "unknown category", "is not a listed term", "is misaligned", "Lexicon term", "reported unknown messageId", "unexpected answer", "could not be fetched and none is cached"]) {
      expect(built.code()).not.toContain(words);
    }
  });

  it("carries no words of policy or schema errors (normalizePolicyUnworded: the handler never shows them)", () => {
    for (const words of ["unknown setting", "did you mean", "expected a policy object", "expected an object of options", "expected true or false", "is required", "duplicate item", "unknown option", "patternName", "lower-case domain name", "an http(s) address"]) {
      expect(built.code()).not.toContain(words);
    }
  });
});
