// The agreements list's record filters (partner, signatory, event...) as comboboxes with a
// listbox popup, after the WAI-ARIA Authoring Practices' pattern: suggestions as one
// types, arrow keys to review them, Enter to choose, Escape to close, their number said
// in the page's language. A suggestion chosen becomes a ticked box, as the server shows
// the records already chosen; the form is sent by its own button, never on a choice.
// Optional: without it each box takes a name, part of one or an address, and the server
// finds the record. Self-hosted, no inline code or style (CSP 'self').
(function () {
  "use strict";
  var DELAY = 150;
  var MIN_LENGTH = 2;
  var live = null;

  function announce(text) {
    if (!live) {
      live = document.createElement("div");
      live.className = "visually-hidden";
      live.setAttribute("role", "status");
      live.setAttribute("aria-live", "polite");
      document.body.appendChild(live);
    }
    // Emptied first, so that the same words said twice are said again.
    live.textContent = "";
    window.setTimeout(function () {
      live.textContent = text;
    }, 50);
  }

  function enhance(input, index) {
    var wrapper = input.parentNode;
    var field = wrapper.parentNode;
    var label = field.querySelector("label[for]");
    var multiple = input.hasAttribute("data-multiple");
    var listbox = document.createElement("ul");
    var cache = {};
    var options = [];
    var active = -1;
    var timer = null;
    var shown = "";
    var wanted = "";

    if (!input.id) {
      // A second box (a refused name shown again) has no id: the field's label names it.
      input.id = "combobox_" + input.name + "_" + index;
    }
    listbox.id = input.id + "_listbox";
    listbox.className = "combobox-listbox";
    listbox.setAttribute("role", "listbox");
    if (label) {
      label.id = label.id || label.htmlFor + "_label";
      listbox.setAttribute("aria-labelledby", label.id);
      if (!input.labels.length) {
        input.setAttribute("aria-labelledby", label.id);
      }
    }
    listbox.hidden = true;
    wrapper.appendChild(listbox);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    function isOpen() {
      return !listbox.hidden;
    }

    function open() {
      if (options.length) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      activate(-1);
    }

    function activate(position) {
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "false");
      }
      active = position;
      if (active < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      var option = options[active];
      option.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    }

    function show(text, data) {
      shown = text;
      options = (data.results || []).map(function (item, position) {
        var option = document.createElement("li");
        var name = document.createElement("bdi");
        option.id = listbox.id + "_" + position;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-value", item.value);
        name.className = "combobox-name";
        name.textContent = item.label;
        option.appendChild(name);
        if (item.detail) {
          var detail = document.createElement("span");
          detail.className = "combobox-detail";
          detail.textContent = item.detail;
          option.appendChild(document.createTextNode(" "));
          option.appendChild(detail);
        }
        return option;
      });
      listbox.replaceChildren.apply(listbox, options);
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (options.length) {
        open();
      } else {
        close();
      }
      announce(data.status || "");
    }

    function suggest(text, then) {
      wanted = text;
      if (cache[text]) {
        show(text, cache[text]);
        return then && then();
      }
      var url = input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(text);
      window
        .fetch(url, { headers: { Accept: "application/json" }, credentials: "omit" })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          cache[text] = data;
          // An answer to an earlier question arriving late is not shown.
          if (wanted === text && input.value.trim() === text) {
            show(text, data);
            return then && then();
          }
        })
        .catch(function () {});
    }

    function choose(option) {
      var value = option.getAttribute("data-value");
      var name = option.querySelector(".combobox-name").textContent;
      var chosen = field.querySelector("fieldset.chosen");
      var existing = null;
      Array.prototype.forEach.call(chosen.querySelectorAll("input[type=checkbox]"), function (box) {
        if (box.value === value) {
          existing = box;
        } else if (!multiple) {
          box.closest("label").remove();
        }
      });
      if (existing) {
        existing.checked = true;
      } else {
        var item = document.createElement("label");
        var box = document.createElement("input");
        var shownName = document.createElement("bdi");
        box.type = "checkbox";
        box.name = input.name;
        box.value = value;
        box.checked = true;
        shownName.textContent = name;
        item.appendChild(box);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(shownName);
        chosen.appendChild(item);
      }
      chosen.hidden = false;
      input.value = "";
      shown = "";
      close();
      input.focus();
      announce((input.getAttribute("data-chosen") || "%(name)s").replace("%(name)s", name));
    }

    function move(step) {
      var text = input.value.trim();
      if (!isOpen() || shown !== text) {
        if (text.length < MIN_LENGTH) {
          return;
        }
        suggest(text, function () {
          activate(step > 0 ? 0 : options.length - 1);
        });
        return;
      }
      var next = active + step;
      if (active < 0) {
        next = step > 0 ? 0 : options.length - 1;
      }
      activate((next + options.length) % options.length);
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      activate(-1);
      var text = input.value.trim();
      if (text.length < MIN_LENGTH) {
        wanted = "";
        close();
        return;
      }
      timer = window.setTimeout(function () {
        suggest(text);
      }, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      if (event.altKey && event.key === "ArrowDown") {
        open();
        event.preventDefault();
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        move(event.key === "ArrowDown" ? 1 : -1);
        event.preventDefault();
      } else if (event.key === "Enter" && isOpen() && active >= 0) {
        // Choosing is not sending: Enter again (or the button) shows the agreements.
        choose(options[active]);
        event.preventDefault();
      } else if (event.key === "Escape" && isOpen()) {
        close();
        event.preventDefault();
      } else if (event.key === "Tab") {
        close();
      }
    });

    input.addEventListener("blur", close);
    // A press on a suggestion keeps the focus in the box, so that the click can choose.
    listbox.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    listbox.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) {
        choose(option);
      }
    });
  }

  if (!window.fetch || !Element.prototype.closest || !Element.prototype.replaceChildren) {
    return;
  }
  Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest]"), enhance);
})();
