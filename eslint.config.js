// The JavaScript linter of `make quality`, over the blocks' scripts.
// They run in the LMS page as plain scripts (no bundler): each block's
// initialiser is a global function the XBlock runtime calls by name.
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  js.configs.recommended,
  {
    files: ["vetnet_xblocks/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: {
        ...globals.browser,
        VetnetCommon: "writable",
        VetnetStudio: "writable",
        gettext: "readonly",
        ngettext: "readonly",
        interpolate: "readonly",
      },
    },
    rules: {
      "no-unused-vars": ["error", { args: "after-used", vars: "local", caughtErrorsIgnorePattern: "^ignored$" }],
      eqeqeq: ["error", "smart"],
      curly: ["error", "multi-line"],
    },
  },
];
