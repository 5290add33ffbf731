/**
 * Webpack config of the task pane, the development simulator and the policy page:
 * `dist/taskpane.html` (+ its script), `dist/simulator.html` (the development simulator;
 * `--env simulator=false` omits it) and `dist/policy.html`, rendered from
 * docs/policy/electronic-communication-policy.md with heading anchors that match the rules'
 * clause anchors (`policy.html#e-mail-etiquette-and-content`).
 *
 * `--env outDir=DIR` builds somewhere else (the benchmark measures a production build there).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { reactPageSettings } = require("./react-page");

const root = path.join(__dirname, "..");
const POLICY_MD = path.join(root, "docs", "policy", "electronic-communication-policy.md");

/**
 * The anchor of a heading: lower case, punctuation dropped, spaces to hyphens (the GitHub
 * rule the clause anchors in src/core/policy/clauses.ts follow).
 * @param {string} text - heading text
 * @returns {string} the anchor
 */
function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function inline(text) {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g, "$1<em>$2</em>")
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+|#[\w-]+)\)/g, '<a href="$2">$1</a>');
}

/**
 * Renders the policy's Markdown (headings, paragraphs, lists, bold, italics, links).
 * @param {string} markdown - the policy
 * @returns {{ title: string, html: string }} the title and the body HTML
 */
function renderMarkdown(markdown) {
  const out = [];
  let title = "Policy";
  let paragraph = [];
  let list = null;
  const seen = new Map();
  const flushParagraph = () => {
    if (paragraph.length) out.push(`<p>${inline(paragraph.join(" "))}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join("")}</${list.tag}>`);
    list = null;
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      const level = heading[1].length;
      const text = heading[2].trim();
      if (level === 1) title = text;
      let id = slug(text);
      const n = seen.get(id) || 0;
      seen.set(id, n + 1);
      if (n > 0) id = `${id}-${n}`;
      out.push(`<h${level} id="${id}">${inline(text)}</h${level}>`);
    } else if (bullet || numbered) {
      flushParagraph();
      const tag = bullet ? "ul" : "ol";
      if (list && list.tag !== tag) flushList();
      list = list || { tag, items: [] };
      list.items.push((bullet || numbered)[1]);
    } else if (line.trim() === "") {
      flushParagraph();
      flushList();
    } else if (list && /^\s+\S/.test(raw)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return { title, html: out.join("\n") };
}

function policyPage() {
  const { title, html } = renderMarkdown(fs.readFileSync(POLICY_MD, "utf8"));
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  :root { color-scheme: light dark; }
  body { font-family: "Segoe UI", system-ui, sans-serif; line-height: 1.5; margin: 0 auto; padding: 1rem; max-width: 48rem; }
  h2 { margin-top: 2rem; scroll-margin-top: 1rem; }
  h2:target { outline: 2px solid Highlight; outline-offset: 4px; }
</style>
</head>
<body>
<main>
${html}
</main>
</body>
</html>
`;
}

module.exports = ({ mode, env = {} }) => {
  const dev = mode === "development";
  // The simulator is built in every mode so that `npm start` (a production build) can offer it;
  // the server serves it only in development, and the manifest never names it.
  // `--env simulator=false` leaves it out of the build altogether.
  const withSimulator = dev || String(env.simulator ?? "true") !== "false";
  const outDir = env.outDir ? path.resolve(String(env.outDir)) : path.join(root, "dist");
  return {
    name: "taskpane",
    mode,
    context: root,
    target: ["web", "es2020"],
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      ...(withSimulator ? { simulator: "./src/simulator/index.tsx" } : {}),
    },
    output: {
      path: outDir,
      // Content hashes in production: Outlook and browsers cache add-in files hard.
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: false,
    },
    ...reactPageSettings(dev),
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: path.join(root, "src", "taskpane", "taskpane.html"),
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      ...(withSimulator
        ? [
            new HtmlWebpackPlugin({
              filename: "simulator.html",
              template: path.join(root, "src", "simulator", "simulator.html"),
              chunks: ["simulator"],
              scriptLoading: "defer",
            }),
          ]
        : []),
      new HtmlWebpackPlugin({ filename: "policy.html", templateContent: policyPage, inject: false }),
    ],
  };
};

module.exports.renderMarkdown = renderMarkdown;
module.exports.slug = slug;
