// /api/docs/: loads Swagger UI's console when asked for (the button), or at once when the
// address is one of its deep links (#/tag/operation). Settings come from the page: the
// data-* attributes of #swagger-ui and the JSON block #swagger-settings (no inline script).
"use strict";

(function () {
  const root = document.getElementById("swagger-ui");
  const button = document.getElementById("open-console");
  if (!root || !button) return;
  let opened = false;

  function load(tag, attributes) {
    return new Promise(function (resolve, reject) {
      const element = document.createElement(tag);
      Object.assign(element, attributes, { onload: resolve, onerror: reject });
      document.head.appendChild(element);
    });
  }

  // Session-authenticated writes (an editor signed in to the admin) need the CSRF token:
  // read from its cookie when a request leaves, never written into the page.
  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function open() {
    if (opened) return;
    opened = true;
    button.disabled = true;
    button.textContent = "Loading the console…";
    const data = root.dataset;
    const settings = JSON.parse(document.getElementById("swagger-settings").textContent || "{}");
    load("link", { rel: "stylesheet", href: data.css })
      .then(function () { return load("script", { src: data.bundle }); })
      .then(function () { return load("script", { src: data.preset }); })
      .then(function () {
        window.ui = window.SwaggerUIBundle(Object.assign({
          url: data.schemaUrl,
          dom_id: "#swagger-ui",
          presets: [window.SwaggerUIBundle.presets.apis],
          layout: "BaseLayout",
          requestInterceptor: function (request) {
            const token = csrfToken();
            if (token && !["GET", undefined].includes(request.method) && request.credentials === "same-origin") {
              request.headers[data.csrfHeader] = token;
            }
            return request;
          },
        }, settings));
        button.hidden = true;
      })
      .catch(function () {
        button.disabled = false;
        button.textContent = "The console could not be loaded: try again";
        opened = false;
      });
  }

  button.addEventListener("click", open);
  if (location.hash.startsWith("#/")) open();
})();
