/**
 * What the React pages (task pane, simulator, admin app) share in their webpack configs:
 * TypeScript/TSX through esbuild-loader for modern browsers, one file per entry (no split
 * chunks), minified outside development. The on-send bundle has its own, stricter config.
 */
"use strict";
const path = require("path");
const { EsbuildPlugin } = require("esbuild-loader");

const root = path.join(__dirname, "..");

/**
 * @param {boolean} dev - development build
 * @returns {Pick<import("webpack").Configuration, "resolve" | "module" | "optimization" | "performance">}
 */
function reactPageSettings(dev) {
  return {
    resolve: { extensions: [".tsx", ".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "esbuild-loader",
          options: { target: "es2020", jsx: "automatic", tsconfig: path.join(root, "tsconfig.json") },
        },
        // The simulator's .eml samples are bundled as their text.
        { test: /\.eml$/, type: "asset/source" },
      ],
    },
    optimization: {
      splitChunks: false,
      runtimeChunk: false,
      minimize: !dev,
      minimizer: [new EsbuildPlugin({ target: "es2020", legalComments: "none" })],
    },
    performance: { hints: false },
  };
}

module.exports = { reactPageSettings };
