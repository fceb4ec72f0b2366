// The CSV import page (avp_wagtail/admin/item_import.html): while the import runs, fetch
// the page again every few seconds and put its status section in place. Without JavaScript
// the "Check again" link does the same.
(function () {
  "use strict";
  var SELECTOR = "[data-avp-import-status]";
  var INTERVAL = 3000;

  function refresh() {
    var current = document.querySelector(SELECTOR);
    if (!current || !current.hasAttribute("data-avp-import-running")) {
      return;
    }
    fetch(window.location.href, { credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(SELECTOR);
          if (fresh) {
            current.replaceWith(fresh);
          }
        }
        window.setTimeout(refresh, INTERVAL);
      })
      .catch(function () {
        window.setTimeout(refresh, INTERVAL * 5);
      });
  }

  window.setTimeout(refresh, INTERVAL);
})();
