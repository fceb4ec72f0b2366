/* The recommendation ids in the admin ("Roles (D2)", "(C1, C8)", "(C1-C3, C6-C8)") become
   links to the recipes page, each with the recommendation's text in a tooltip on hover and
   focus (the texts, in the admin user's language, come from the JSON view named in this
   script's data-avp-recipes-texts). The link is described by its tooltip for screen
   readers; Escape closes the tooltip; the pointer can move onto it (WCAG 1.4.13).
   The tooltips live at the end of <body>, not inside help texts and headings, so a
   field's description and the minimap keep their short text. */
(function () {
  "use strict";

  var script = document.currentScript;
  var textsUrl = script && script.getAttribute("data-avp-recipes-texts");
  if (!textsUrl || !window.fetch) {
    return;
  }
  var SCAN = ".w-field__help, .help, [data-panel-heading-text], .w-panel__heading, legend";
  var GROUP = /\(([^()]*)\)/g;
  var ONLY_IDS = /^\s*[CDI]\d{1,2}(\s*(?:,|-|–|and|ja|и)\s*[CDI]\d{1,2})*\s*$/;
  var ID = /[CDI]\d{1,2}/g;
  var data = null;
  var tips = {};
  var hideTimer = null;
  var shown = null;

  function tipFor(id) {
    if (tips[id]) {
      return tips[id];
    }
    var recipe = data.recipes[id];
    var tip = document.createElement("div");
    tip.id = "avp-recipe-tip-" + id;
    tip.className = "avp-recipe-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    var title = document.createElement("strong");
    title.textContent = id + " " + recipe.title;
    var text = document.createElement("span");
    text.textContent = " " + recipe.text;
    tip.appendChild(title);
    tip.appendChild(text);
    tip.addEventListener("mouseenter", function () {
      window.clearTimeout(hideTimer);
    });
    tip.addEventListener("mouseleave", scheduleHide);
    document.body.appendChild(tip);
    tips[id] = tip;
    return tip;
  }

  function show(link) {
    window.clearTimeout(hideTimer);
    if (shown && shown !== link) {
      hideNow();
    }
    var tip = tipFor(link.getAttribute("data-avp-recipe"));
    tip.hidden = false;
    var box = link.getBoundingClientRect();
    var width = Math.min(384, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    tip.style.setProperty("max-width", width + "px");
    tip.style.setProperty("left", left + window.scrollX + "px");
    tip.style.setProperty("top", box.bottom + window.scrollY + 4 + "px");
    shown = link;
  }

  function hideNow() {
    if (shown) {
      tipFor(shown.getAttribute("data-avp-recipe")).hidden = true;
      shown = null;
    }
  }

  function scheduleHide() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hideNow, 300);
  }

  function makeLink(id) {
    var link = document.createElement("a");
    link.href = data.list_url + "#recipe-" + id;
    link.className = "avp-recipe-ref";
    link.textContent = id;
    link.setAttribute("data-avp-recipe", id);
    link.setAttribute("aria-label", data.label + " " + id + ": " + data.recipes[id].title);
    link.setAttribute("aria-describedby", "avp-recipe-tip-" + id);
    tipFor(id);
    link.addEventListener("mouseenter", function () {
      show(link);
    });
    link.addEventListener("mouseleave", scheduleHide);
    link.addEventListener("focus", function () {
      show(link);
    });
    link.addEventListener("blur", scheduleHide);
    return link;
  }

  function linkTextNode(node) {
    var text = node.nodeValue;
    var parts = [];
    var last = 0;
    var found = false;
    text.replace(GROUP, function (whole, inner, offset) {
      if (!ONLY_IDS.test(inner)) {
        return whole;
      }
      var start = offset + 1;
      inner.replace(ID, function (id, at) {
        if (data.recipes[id]) {
          parts.push(document.createTextNode(text.slice(last, start + at)));
          parts.push(makeLink(id));
          last = start + at + id.length;
          found = true;
        }
        return id;
      });
      return whole;
    });
    if (!found) {
      return;
    }
    parts.push(document.createTextNode(text.slice(last)));
    var parent = node.parentNode;
    parts.forEach(function (part) {
      parent.insertBefore(part, node);
    });
    parent.removeChild(node);
  }

  function scan(root) {
    var elements = root.querySelectorAll ? root.querySelectorAll(SCAN) : [];
    Array.prototype.forEach.call(elements, function (element) {
      if (element.closest("a, button, label, .avp-recipe-tip, [data-avp-recipes-done]")) {
        return;
      }
      element.setAttribute("data-avp-recipes-done", "");
      var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) {
        if (!walker.currentNode.parentNode.closest("a, button, label")) {
          nodes.push(walker.currentNode);
        }
      }
      nodes.forEach(linkTextNode);
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && shown) {
      hideNow();
    }
  });

  function start() {
    window
      .fetch(textsUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (json) {
        if (!json || !json.recipes) {
          return;
        }
        data = json;
        scan(document);
        document.documentElement.setAttribute("data-avp-recipes-ready", "");
        // Panels added later (an inline panel's new form, a modal): link them too.
        new MutationObserver(function (records) {
          records.forEach(function (record) {
            Array.prototype.forEach.call(record.addedNodes, function (node) {
              if (node.nodeType === 1 && !node.classList.contains("avp-recipe-tip")) {
                scan(node);
              }
            });
          });
        }).observe(document.body, { childList: true, subtree: true });
      })
      .catch(function () {
        /* Without the texts the ids stay plain text. */
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
