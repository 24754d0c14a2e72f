/* Leaving an atelier's page (closed, reloaded, another atelier) frees its kernel at once.
   Voilà asks for it on « beforeunload », which phones and tablets often skip; « pagehide » always
   comes. The request carries the page's « _xsrf » cookie, as Jupyter Server requires. */
(function () {
  "use strict";
  var sent = false;
  function config() {
    try { return JSON.parse(document.getElementById("jupyter-config-data").textContent) || {}; } catch (e) { return {}; }
  }
  window.addEventListener("pagehide", function (event) {
    if (sent || event.persisted || !navigator.sendBeacon) { return; }
    var page = config(), cookie = document.cookie.match(/(?:^|;\s*)_xsrf=([^;]*)/);
    if (!page.kernelId) { return; }
    var form = new FormData();
    form.append("_xsrf", cookie ? decodeURIComponent(cookie[1]) : "");
    sent = navigator.sendBeacon((page.baseUrl || "/") + "voila/api/shutdown/" + page.kernelId, form);
  });
})();
