// /api/docs/redoc/: renders the reference with the settings from the page (no inline
// script), in the system's fonts rather than ReDoc's default Roboto and Montserrat, which
// it would expect from Google Fonts.
"use strict";

(function () {
  const container = document.getElementById("redoc-container");
  if (!container || !window.Redoc) return;
  // ReDoc's sidebar footer shows Redocly's logo from their CDN, unconditionally: give that
  // image an empty address instead (it then hides itself), so nothing leaves the site and
  // the CSP has nothing to refuse. ReDoc's React sets an image's src as a property.
  const foreign = function (value) {
    const url = new URL(String(value), location.href);
    return url.origin !== location.origin && url.protocol !== "data:" && url.protocol !== "blob:";
  };
  const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, "src");
  Object.defineProperty(HTMLImageElement.prototype, "src", {
    configurable: true,
    enumerable: src.enumerable,
    get: src.get,
    set: function (value) { src.set.call(this, foreign(value) ? "data:," : value); },
  });
  const setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (name, value) {
    if (this instanceof HTMLImageElement && name === "src" && foreign(value)) value = "data:,";
    return setAttribute.call(this, name, value);
  };
  const system = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
  const settings = JSON.parse(document.getElementById("redoc-settings").textContent || "{}") || {};
  const theme = settings.theme || {};
  const typography = theme.typography || {};
  settings.theme = Object.assign({}, theme, {
    typography: Object.assign({
      fontFamily: system,
      headings: { fontFamily: system },
      code: { fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace' },
    }, typography),
  });
  if (settings.maxDisplayedEnumValues === undefined) settings.maxDisplayedEnumValues = 8;
  window.Redoc.init(container.dataset.schemaUrl, settings, container);
})();
