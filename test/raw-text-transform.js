/** Jest transform: a file imported for its text (the `.eml` samples) becomes a module exporting that text. */
"use strict";
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
