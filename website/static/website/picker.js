// Suggestions for the agreements list's search boxes (partner, signatory, event...), as
// the visitor types. Optional: without it, each box takes a name, part of one or an
// address, and the server finds the record. Self-hosted, no inline code (CSP 'self').
(function () {
  "use strict";
  var DELAY = 200;
  var MIN_LENGTH = 2;

  function fill(list, results) {
    var options = results.map(function (item) {
      var option = document.createElement("option");
      option.value = item.value;
      option.label = item.label;
      option.textContent = item.label;
      return option;
    });
    list.replaceChildren.apply(list, options);
  }

  function enhance(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var asked = "";
    if (!list || !window.fetch) {
      return;
    }
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var text = input.value.trim();
        if (text.length < MIN_LENGTH || text === asked) {
          return;
        }
        asked = text;
        var url = input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(text);
        window
          .fetch(url, { headers: { Accept: "application/json" }, credentials: "omit" })
          .then(function (response) {
            return response.ok ? response.json() : { results: [] };
          })
          .then(function (data) {
            if (input.value.trim() === text) {
              fill(list, data.results || []);
            }
          })
          .catch(function () {});
      }, DELAY);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest]"), enhance);
})();
